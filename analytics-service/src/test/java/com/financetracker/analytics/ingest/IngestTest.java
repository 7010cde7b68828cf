package com.financetracker.analytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.encoding.GrowingByteArrayOutput;
import com.datadoghq.sketch.ddsketch.mapping.CubicallyInterpolatedMapping;
import com.datadoghq.sketch.ddsketch.store.SparseStore;
import com.financetracker.analytics.AnalyticsServiceTest;
import com.financetracker.platform.test.ApiResponse;
import com.financetracker.platform.test.TestTokens;
import com.financetracker.platform.usage.LatencySketch;
import com.financetracker.platform.usage.UsageReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IngestTest extends AnalyticsServiceTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:15:30Z");

    @Test
    void aReportLandsInTheMinuteHourAndDayRows() {
        ingest(report(
                "expense-service",
                entry("GET", "/expenses/{id}", 200, AT, 2, 4),
                entry("GET", "/expenses/{id}", 200, AT.plusSeconds(120), 6)));

        assertThat(counts("usage_minute")).containsExactly(2L, 1L);
        assertThat(counts("usage_hour")).containsExactly(3L);
        assertThat(counts("usage_day")).containsExactly(3L);
        assertThat(jdbc.sql("select bucket from usage_hour")
                        .query(java.sql.Timestamp.class)
                        .single()
                        .toInstant())
                .isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
    }

    @Test
    void reportsAddUp() {
        ingest(report("expense-service", entry("POST", "/expenses", 201, AT, 5)));
        ingest(report("expense-service", entry("POST", "/expenses", 201, AT, 7, 9)));

        assertThat(counts("usage_minute")).containsExactly(3L);
        assertThat(jdbc.sql("select duration_max_ms from usage_day")
                        .query(Double.class)
                        .single())
                .isEqualTo(9.0);
    }

    @Test
    void aReportDeliveredTwiceIsCountedOnce() {
        UsageReport report = report("user-service", entry("POST", "/login", 200, AT, 30));

        ApiResponse first = deliver(report);
        ApiResponse again = deliver(report);

        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().path("outcome").asString()).isEqualTo("duplicate");
        assertThat(counts("usage_minute")).containsExactly(1L);
    }

    @Test
    void onlyServicesMayDeliverReports() {
        String envelope = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"usage.report\",\"key\":\"k\","
                + "\"occurredAt\":\"2026-11-23T10:00:00Z\",\"payload\":{}}";

        assertThat(api.post("/internal/usage").json(envelope).send().status()).isEqualTo(401);
        assertThat(api.post("/internal/usage")
                        .bearer(admin)
                        .json(envelope)
                        .send()
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aServiceMayReportOnlyItsOwnUsage() {
        UsageReport forged = report("expense-service", entry("DELETE", "/expenses/{id}", 500, AT, 1, 2, 3));
        String envelope = json.writeValueAsString(java.util.Map.of(
                "id", forged.id(),
                "type", UsageReport.TYPE.name(),
                "key", forged.key(),
                "occurredAt", forged.createdAt(),
                "payload", forged));

        for (String service : List.of("web-app", "insights-service", "user-service")) {
            ApiResponse refused = api.post("/internal/usage")
                    .bearer(TestTokens.service(service))
                    .json(envelope)
                    .send();

            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(refused.json().path("detail").asString())
                    .isEqualTo(service + " may not send usage.report events: the report is expense-service's");
        }

        assertThat(counts("usage_minute")).isEmpty();
        assertThat(jdbc.sql("select count(*) from platform.processed_events where event_id = :id")
                        .param("id", forged.id())
                        .query(Integer.class)
                        .single())
                .isZero();
        ingest(forged);
        assertThat(counts("usage_minute")).containsExactly(3L);
    }

    @Test
    void malformedReportsAreRefusedAndChangeNothing() {
        UsageReport badSketch = new UsageReport(
                UUID.randomUUID(),
                "expense-service",
                "i",
                AT,
                0,
                List.of(new UsageReport.Entry(AT, "GET", "/x", 200, 1, 1, 1, AT, AT, new byte[] {1, 2, 3})));
        UsageReport badStatus = report("expense-service", entry("GET", "/x", 999, AT, 1));
        String notAReport = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"usage.report\",\"key\":\"k\","
                + "\"occurredAt\":\"2026-11-23T10:00:00Z\",\"payload\":{\"entries\":\"nope\"}}";

        assertThat(deliver(badSketch).status()).isEqualTo(400);
        assertThat(deliver(badStatus).status()).isEqualTo(400);
        assertThat(api.post("/internal/usage")
                        .bearer(TestTokens.service("x"))
                        .json(notAReport)
                        .send()
                        .status())
                .isEqualTo(400);
        assertThat(counts("usage_minute")).isEmpty();
    }

    @Test
    void forgedSketchesAreRefusedForGoodAndChangeNothing() {
        for (int[] bins : new int[][] {{-2_000_000_000, 2_000_000_000}, {-50_000_000, 50_000_000}}) {
            UsageReport forged = new UsageReport(
                    UUID.randomUUID(),
                    "expense-service",
                    "i",
                    AT,
                    0,
                    List.of(new UsageReport.Entry(AT, "GET", "/x", 200, 2, 2, 1, AT, AT, forgedSketch(bins))));

            ApiResponse response = deliver(forged);

            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(counts("usage_minute")).isEmpty();
    }

    @Test
    void reportsFromTheFutureOrWithAMalformedInstanceAreRefusedAndChangeNothing() {
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MINUTES);
        UsageReport.Entry now = entry("GET", "/x", 200, AT, 1);
        UsageReport createdTomorrow =
                new UsageReport(UUID.randomUUID(), "expense-service", "i", tomorrow, 0, List.of(now));
        UsageReport requestsTomorrow = report("expense-service", entry("GET", "/x", 200, tomorrow, 1));
        UsageReport badInstance = new UsageReport(UUID.randomUUID(), "expense-service", "a/b <c>", AT, 0, List.of(now));
        UsageReport blankInstance = new UsageReport(UUID.randomUUID(), "expense-service", "", AT, 0, List.of(now));

        for (UsageReport report : List.of(createdTomorrow, requestsTomorrow, badInstance, blankInstance)) {
            ApiResponse response = deliver(report);
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(counts("usage_minute")).isEmpty();
        assertThat(deliver(report("expense-service", entry("GET", "/x", 200, AT, 1)))
                        .status())
                .isEqualTo(202);
    }

    /** A sketch with one request in each of the given bins: 31 bytes that no recorder writes. */
    static byte[] forgedSketch(int... bins) {
        DDSketch sketch =
                new DDSketch(new CubicallyInterpolatedMapping(LatencySketch.RELATIVE_ACCURACY), SparseStore::new);
        for (int bin : bins) {
            sketch.getPositiveValueStore().add(bin, 1.0);
        }
        GrowingByteArrayOutput output = GrowingByteArrayOutput.withDefaultInitialCapacity();
        try {
            sketch.encode(output, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return output.trimmedCopy();
    }

    private List<Long> counts(String table) {
        return jdbc.sql("select count from " + table + " order by bucket")
                .query(Long.class)
                .list();
    }
}
