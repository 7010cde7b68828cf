package com.financetracker.analytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.analytics.ingest.Tier;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpanTest {

    @Test
    void aShortWindowIsReadFromMinutes() {
        List<Span> spans = Span.cover(at("2026-11-23T10:05:00Z"), at("2026-11-23T10:50:00Z"));

        assertThat(spans)
                .containsExactly(new Span(Tier.MINUTE, at("2026-11-23T10:05:00Z"), at("2026-11-23T10:50:00Z")));
    }

    @Test
    void aLongWindowUsesDaysInTheMiddleHoursAroundThemAndMinutesAtTheEdges() {
        List<Span> spans = Span.cover(at("2026-11-01T06:45:00Z"), at("2026-11-20T12:30:00Z"));

        assertThat(spans)
                .containsExactly(
                        new Span(Tier.MINUTE, at("2026-11-01T06:45:00Z"), at("2026-11-01T07:00:00Z")),
                        new Span(Tier.HOUR, at("2026-11-01T07:00:00Z"), at("2026-11-02T00:00:00Z")),
                        new Span(Tier.DAY, at("2026-11-02T00:00:00Z"), at("2026-11-20T00:00:00Z")),
                        new Span(Tier.HOUR, at("2026-11-20T00:00:00Z"), at("2026-11-20T12:00:00Z")),
                        new Span(Tier.MINUTE, at("2026-11-20T12:00:00Z"), at("2026-11-20T12:30:00Z")));
    }

    @Test
    void spansNeverOverlapAndCoverTheWindow() {
        Instant from = at("2026-11-01T23:59:00Z");
        Instant to = at("2026-11-03T00:01:00Z");

        List<Span> spans = Span.cover(from, to);

        assertThat(spans.getFirst().from()).isEqualTo(from);
        assertThat(spans.getLast().to()).isEqualTo(to);
        for (int i = 1; i < spans.size(); i++) {
            assertThat(spans.get(i).from()).isEqualTo(spans.get(i - 1).to());
        }
    }

    private static Instant at(String time) {
        return Instant.parse(time);
    }
}
