package com.financetracker.analytics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.financetracker.analytics.AnalyticsServiceTest;
import com.financetracker.analytics.ingest.Tier;
import com.financetracker.platform.test.ApiResponse;
import com.financetracker.platform.test.TestTokens;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AnalyticsApiTest extends AnalyticsServiceTest {

    @Test
    void onlyAdministratorsSeeTheStatistics() {
        assertProblem(api.get("/analytics").send(), 401);
        assertProblem(
                api.get("/analytics").bearer(TestTokens.user(UUID.randomUUID())).send(), 403);
        assertProblem(
                api.get("/analytics/timeseries")
                        .bearer(TestTokens.user(UUID.randomUUID()))
                        .send(),
                403);
        assertProblem(
                api.get("/analytics")
                        .bearer(TestTokens.service("expense-service"))
                        .send(),
                403);
        assertThat(api.get("/analytics").bearer(admin).send().status()).isEqualTo(200);
    }

    @Test
    void summarizesEachEndpointWithStatusClassesAndLatency() {
        Instant now = Instant.now().minusSeconds(60);
        double[] durations = IntStream.rangeClosed(1, 100).asDoubleStream().toArray();
        ingest(report(
                "expense-service",
                entry("GET", "/expenses/{id}", 200, now, durations),
                entry("GET", "/expenses/{id}", 404, now, 1, 1),
                entry("GET", "/expenses/{id}", 500, now, 50),
                entry("POST", "/expenses", 201, now, 10)));
        ingest(report("user-service", entry("POST", "/login", 401, now, 40)));

        JsonNode body = api.get("/analytics").bearer(admin).send().json();

        assertThat(body.path("totals").path("requests").asLong()).isEqualTo(105);
        assertThat(body.path("totals").path("errors").asLong()).isEqualTo(1);
        assertThat(body.path("totals").path("services").asInt()).isEqualTo(2);
        JsonNode busiest = body.path("endpoints").get(0);
        assertThat(busiest.path("service").asString()).isEqualTo("expense-service");
        assertThat(busiest.path("method").asString()).isEqualTo("GET");
        assertThat(busiest.path("route").asString()).isEqualTo("/expenses/{id}");
        assertThat(busiest.path("count").asLong()).isEqualTo(103);
        assertThat(busiest.path("status").toString()).isEqualTo("{\"2xx\":100,\"3xx\":0,\"4xx\":2,\"5xx\":1}");
        JsonNode latency = busiest.path("latencyMs");
        double[] all = IntStream.concat(IntStream.rangeClosed(1, 100), IntStream.of(1, 1, 50))
                .sorted()
                .asDoubleStream()
                .toArray();
        for (double q : new double[] {0.50, 0.95, 0.99}) {
            double exact = all[(int) Math.floor(q * (all.length - 1))];
            assertThat(latency.path("p" + Math.round(q * 100)).asDouble())
                    .as("p" + q)
                    .isCloseTo(exact, within(exact * 0.011));
        }
        assertThat(latency.path("max").asDouble()).isEqualTo(100);
        assertThat(latency.path("avg").asDouble()).isCloseTo((5050 + 2 + 50) / 103.0, within(0.01));
        assertThat(busiest.path("firstSeen").asString()).endsWith("Z");
        assertThat(body.path("endpoints").size()).isEqualTo(3);
        assertThat(body.path("from").asString()).endsWith("Z");
    }

    @Test
    void filtersByServiceAndWindow() {
        Instant now = Instant.now();
        ingest(report("expense-service", entry("GET", "/expenses", 200, now.minusSeconds(60), 3)));
        ingest(report("user-service", entry("POST", "/login", 200, now.minus(3, ChronoUnit.DAYS), 3)));

        JsonNode lastDay = api.get("/analytics").bearer(admin).send().json();
        JsonNode week = api.get("/analytics?from=" + now.minus(7, ChronoUnit.DAYS) + "&to=" + now.plusSeconds(60))
                .bearer(admin)
                .send()
                .json();
        JsonNode users = api.get("/analytics?service=user-service&from=" + now.minus(7, ChronoUnit.DAYS))
                .bearer(admin)
                .send()
                .json();

        assertThat(lastDay.path("totals").path("requests").asLong()).isEqualTo(1);
        assertThat(week.path("totals").path("requests").asLong()).isEqualTo(2);
        assertThat(users.path("endpoints").size()).isEqualTo(1);
        assertThat(users.path("endpoints").get(0).path("route").asString()).isEqualTo("/login");
    }

    @Test
    void aLongWindowAddsUpMinutesHoursAndDaysWithoutCountingTwice() {
        Instant to = Instant.parse("2026-11-20T12:30:00Z");
        Instant from = Instant.parse("2026-11-01T06:45:00Z");
        ingest(report(
                "expense-service",
                entry("GET", "/expenses", 200, Instant.parse("2026-11-01T06:40:00Z"), 1),
                entry("GET", "/expenses", 200, Instant.parse("2026-11-01T06:50:00Z"), 1),
                entry("GET", "/expenses", 200, Instant.parse("2026-11-01T20:00:00Z"), 1),
                entry("GET", "/expenses", 200, Instant.parse("2026-11-10T10:00:00Z"), 1),
                entry("GET", "/expenses", 200, Instant.parse("2026-11-20T03:00:00Z"), 1),
                entry("GET", "/expenses", 200, Instant.parse("2026-11-20T12:10:00Z"), 1),
                entry("GET", "/expenses", 200, Instant.parse("2026-11-20T12:40:00Z"), 1)));

        JsonNode body = api.get("/analytics?from=" + from + "&to=" + to)
                .bearer(admin)
                .send()
                .json();

        assertThat(body.path("totals").path("requests").asLong()).isEqualTo(5);
    }

    @Test
    void aReportThatArrivesLateIsCountedInAWindowAlreadyAskedFor() {
        Instant now = Instant.now();
        Instant twoHoursAgo = now.minus(2, ChronoUnit.HOURS);
        String settledWindow =
                "/analytics?from=" + now.minus(2, ChronoUnit.DAYS) + "&to=" + now.minus(10, ChronoUnit.MINUTES);
        ingest(report("expense-service", entry("GET", "/expenses", 200, twoHoursAgo, 1)));
        assertThat(requests(settledWindow)).isEqualTo(1);
        assertThat(requests(settledWindow)).as("asked again").isEqualTo(1);

        ingest(report("expense-service", entry("GET", "/expenses", 200, twoHoursAgo, 2, 3)));
        ingest(report("user-service", entry("POST", "/login", 200, now.minus(1, ChronoUnit.DAYS), 4)));

        assertThat(requests(settledWindow)).isEqualTo(4);
        assertThat(requests(settledWindow + "&service=user-service")).isEqualTo(1);
    }

    @Test
    void expiredRowsLeaveAWindowAlreadyAskedFor() {
        Instant now = Instant.now();
        String settledWindow =
                "/analytics?from=" + now.minus(3, ChronoUnit.DAYS) + "&to=" + now.minus(10, ChronoUnit.MINUTES);
        ingest(report("expense-service", entry("GET", "/expenses", 200, now.minus(2, ChronoUnit.DAYS), 1)));
        ingest(report("expense-service", entry("GET", "/expenses", 200, now.minus(1, ChronoUnit.HOURS), 1)));
        assertThat(requests(settledWindow)).isEqualTo(2);

        for (Tier tier : Tier.values()) {
            jdbc.sql("delete from " + tier.table() + " where bucket < :cutoff")
                    .param("cutoff", Timestamp.from(now.minus(36, ChronoUnit.HOURS)))
                    .update();
        }

        assertThat(requests(settledWindow)).isEqualTo(1);
    }

    @Test
    void requestsOfTheLastMinutesAreCountedAsTheyArrive() {
        Instant now = Instant.now();
        ingest(report("expense-service", entry("GET", "/expenses", 200, now.minus(3, ChronoUnit.HOURS), 1)));
        assertThat(requests("/analytics")).isEqualTo(1);

        ingest(report("expense-service", entry("GET", "/expenses", 200, now, 1)));

        assertThat(requests("/analytics")).isEqualTo(2);
    }

    private long requests(String path) {
        return totalRequests(api, admin, path);
    }

    @Test
    void timeseriesHasAPointForEveryStep() {
        Instant base = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);
        ingest(report(
                "expense-service",
                entry("GET", "/expenses", 200, base.plusSeconds(60), 10, 20),
                entry("GET", "/expenses", 503, base.plusSeconds(60), 30),
                entry("POST", "/expenses", 201, base.plusSeconds(3600), 5)));

        JsonNode all = api.get("/analytics/timeseries?from=" + base + "&to=" + base.plusSeconds(3 * 3600) + "&step=1h")
                .bearer(admin)
                .send()
                .json();
        JsonNode one = api.get("/analytics/timeseries?service=expense-service&method=POST&route=/expenses&from=" + base
                        + "&to=" + base.plusSeconds(3 * 3600) + "&step=1h")
                .bearer(admin)
                .send()
                .json();

        assertThat(all.size()).as(all.toString()).isEqualTo(3);
        assertThat(all.get(0).path("time").asString()).isEqualTo(base.toString());
        assertThat(all.get(0).path("count").asLong()).isEqualTo(3);
        assertThat(all.get(0).path("errors").asLong()).isEqualTo(1);
        assertThat(all.get(0).path("p50").asDouble()).isCloseTo(20, within(0.5));
        assertThat(all.get(0).path("p99").asDouble()).isCloseTo(20, within(0.5));
        assertThat(all.get(1).path("count").asLong()).isEqualTo(1);
        assertThat(all.get(2).path("count").asLong()).isZero();
        assertThat(one.get(0).path("count").asLong()).isZero();
        assertThat(one.get(1).path("count").asLong()).isEqualTo(1);
    }

    @Test
    void rejectsBadWindowsAndSteps() {
        Instant now = Instant.now();
        assertProblem(
                api.get("/analytics?from=" + now + "&to=" + now.minusSeconds(60))
                        .bearer(admin)
                        .send(),
                400);
        assertProblem(api.get("/analytics?from=yesterday").bearer(admin).send(), 400);
        assertProblem(api.get("/analytics/timeseries?step=30s").bearer(admin).send(), 400);
        assertProblem(
                api.get("/analytics/timeseries?step=1m&from=" + now.minus(30, ChronoUnit.DAYS))
                        .bearer(admin)
                        .send(),
                400);
        assertProblem(api.get("/analytics/timeseries?step=banana").bearer(admin).send(), 400);
    }

    private static void assertProblem(ApiResponse response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
