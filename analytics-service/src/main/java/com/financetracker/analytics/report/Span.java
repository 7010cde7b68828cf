package com.financetracker.analytics.report;

import com.financetracker.analytics.ingest.Tier;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A part of a window read from one tier. A window is covered by whole days from the day rows, the whole hours around
 * them from the hour rows and the minutes at the edges from the minute rows, so a month costs about as many rows as
 * a day.
 */
record Span(Tier tier, Instant from, Instant to) {

    static List<Span> cover(Instant from, Instant to) {
        Instant start = from.truncatedTo(ChronoUnit.MINUTES);
        List<Span> spans = new ArrayList<>();
        Instant firstHour = ceil(start, ChronoUnit.HOURS);
        Instant lastHour = to.truncatedTo(ChronoUnit.HOURS);
        if (!firstHour.isBefore(lastHour)) {
            add(spans, Tier.MINUTE, start, to);
            return spans;
        }
        Instant firstDay = ceil(firstHour, ChronoUnit.DAYS);
        Instant lastDay = lastHour.truncatedTo(ChronoUnit.DAYS);
        add(spans, Tier.MINUTE, start, firstHour);
        if (firstDay.isBefore(lastDay)) {
            add(spans, Tier.HOUR, firstHour, firstDay);
            add(spans, Tier.DAY, firstDay, lastDay);
            add(spans, Tier.HOUR, lastDay, lastHour);
        } else {
            add(spans, Tier.HOUR, firstHour, lastHour);
        }
        add(spans, Tier.MINUTE, lastHour, to);
        return spans;
    }

    /**
     * This span cut at a time into the part before it and the part from it, each at whole buckets of the tier (the cut
     * moves back to the start of its bucket); either may be absent.
     */
    Cut cutAt(Instant time) {
        Instant at = tier.bucketOf(time);
        if (!at.isAfter(from)) {
            return new Cut(null, this);
        }
        if (!at.isBefore(to)) {
            return new Cut(this, null);
        }
        return new Cut(new Span(tier, from, at), new Span(tier, at, to));
    }

    record Cut(@Nullable Span before, @Nullable Span after) {}

    private static void add(List<Span> spans, Tier tier, Instant from, Instant to) {
        if (from.isBefore(to)) {
            spans.add(new Span(tier, from, to));
        }
    }

    private static Instant ceil(Instant time, ChronoUnit unit) {
        Instant floor = time.truncatedTo(unit);
        return floor.equals(time) ? floor : floor.plus(1, unit);
    }
}
