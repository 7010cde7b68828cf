package com.financetracker.platform.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.financetracker.platform.test.ApiClient;
import com.financetracker.platform.test.TestTokens;
import com.financetracker.platform.test.WithPostgres;
import com.financetracker.platform.test.WithTestTokens;
import com.financetracker.platform.testapp.TestApplication;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every request is counted under its route template and status, refused ones included; operations traffic is not. */
@SpringBootTest(
        classes = TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "finance.usage.flush-interval=1h")
@WithPostgres
@WithTestTokens
class UsageRecordingTest {

    @LocalServerPort
    int port;

    @Autowired
    UsageShipper shipper;

    @Autowired
    UsageAggregator aggregator;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = ApiClient.onPort(port);
        aggregator.drain();
    }

    @Test
    void countsRequestsByRouteTemplateAndStatusIncludingRefusedOnes() {
        String token = TestTokens.user(UUID.randomUUID());
        api.get("/items/" + UUID.randomUUID()).bearer(token).send();
        api.get("/items/" + UUID.randomUUID()).bearer(token).send();
        api.get("/items/" + UUID.randomUUID()).send();
        api.get("/items/not-a-uuid").bearer(token).send();
        api.delete("/echo").bearer(token).send();
        api.get("/no/such/path/" + UUID.randomUUID()).send();
        api.get("/admin/report").bearer(token).send();

        Map<String, Long> expected = Map.of(
                "GET /items/{id} 200", 2L,
                "GET /items/{id} 401", 1L,
                "GET /items/{id} 400", 1L,
                "DELETE /echo 405", 1L,
                "GET UNMATCHED 404", 1L,
                "GET /admin/report 403", 1L);

        // a response can reach the client a moment before the filter has recorded it
        Map<String, Long> counts = new java.util.HashMap<>();
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            counts(aggregator.drain().entries()).forEach((key, n) -> counts.merge(key, n, Long::sum));
            return counts.equals(expected);
        });
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void probesMetricsAndDocsAreNotUsage() {
        api.get("/actuator/health/readiness").send();
        api.get("/actuator/prometheus").send();
        api.get("/v3/api-docs").send();

        assertThat(aggregator.drain().isEmpty()).isTrue();
    }

    @Test
    void aReportGoesIntoTheOutboxAsOneEvent() {
        api.get("/public/ping").send();
        api.get("/public/ping").send();
        await().atMost(Duration.ofSeconds(5)).until(() -> aggregator.size() > 0);

        shipper.ship();

        List<String> services = jdbc.sql("select payload->>'service' from platform.outbox"
                        + " where event_type = 'usage.report' and payload::text like '%/public/ping%'")
                .query(String.class)
                .list();
        Long pings = jdbc.sql("select sum((entry->>'count')::bigint) from platform.outbox,"
                        + " jsonb_array_elements(payload->'entries') entry"
                        + " where event_type = 'usage.report' and entry->>'route' = '/public/ping'")
                .query(Long.class)
                .single();
        assertThat(services).containsExactly("test-service");
        assertThat(pings).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from platform.outbox where event_type = 'usage.report'"
                                + " and event_id::text = payload->>'id'")
                        .query(Integer.class)
                        .single())
                .isPositive();
    }

    private static Map<String, Long> counts(List<UsageReport.Entry> entries) {
        return entries.stream()
                .collect(Collectors.groupingBy(
                        e -> e.method() + " " + e.route() + " " + e.status(),
                        Collectors.summingLong(UsageReport.Entry::count)));
    }
}
