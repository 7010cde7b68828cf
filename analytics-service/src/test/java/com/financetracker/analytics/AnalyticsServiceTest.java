package com.financetracker.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.platform.test.ApiClient;
import com.financetracker.platform.test.ApiResponse;
import com.financetracker.platform.test.TestTokens;
import com.financetracker.platform.test.WithPostgres;
import com.financetracker.platform.test.WithTestTokens;
import com.financetracker.platform.usage.LatencySketch;
import com.financetracker.platform.usage.UsageReport;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the analytics service's integration tests: the service on a random port over a fresh embedded PostgreSQL
 * database. Its own usage is flushed only when a test asks, so the statistics hold exactly what a test ingests.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "finance.usage.flush-interval=1h",
            // no user service runs beside these tests: a port nothing listens on
            "finance.analytics.users-url=http://127.0.0.1:9"
        })
@WithPostgres
@WithTestTokens
public abstract class AnalyticsServiceTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected JsonMapper json;

    protected ApiClient api;
    protected String admin;

    @BeforeEach
    void connect() {
        api = ApiClient.onPort(port);
        admin = TestTokens.admin(UUID.randomUUID());
        for (String table : List.of("usage_minute", "usage_hour", "usage_day")) {
            jdbc.sql("delete from " + table).update();
        }
    }

    /** An entry of a report: {@code durations} requests of the route with that status in the minute of {@code at}. */
    public static UsageReport.Entry entry(String method, String route, int status, Instant at, double... durations) {
        LatencySketch sketch = LatencySketch.empty();
        DoubleStream.of(durations).forEach(sketch::add);
        return new UsageReport.Entry(
                at.truncatedTo(ChronoUnit.MINUTES),
                method,
                route,
                status,
                durations.length,
                DoubleStream.of(durations).sum(),
                DoubleStream.of(durations).max().orElse(0),
                at,
                at,
                sketch.encode());
    }

    protected static UsageReport report(String service, UsageReport.Entry... entries) {
        return new UsageReport(UUID.randomUUID(), service, "instance-1", Instant.now(), 0, List.of(entries));
    }

    /** Delivers a report the way other services do: an event posted with a service token. */
    protected ApiResponse deliver(UsageReport report) {
        String envelope = json.writeValueAsString(java.util.Map.of(
                "id",
                report.id(),
                "type",
                UsageReport.TYPE.name(),
                "key",
                report.service() + "/" + report.instance(),
                "occurredAt",
                report.createdAt(),
                "payload",
                report));
        return api.post("/internal/usage")
                .bearer(TestTokens.service(report.service()))
                .json(envelope)
                .send();
    }

    /** The requests {@code GET /analytics} (with the query of {@code path}) counts, as the administrator sees them. */
    public static long totalRequests(ApiClient api, String admin, String path) {
        return api.get(path)
                .bearer(admin)
                .send()
                .json()
                .path("totals")
                .path("requests")
                .asLong();
    }

    protected void ingest(UsageReport report) {
        ApiResponse response = deliver(report);
        assertThat(response.status()).as(response.body()).isEqualTo(202);
    }
}
