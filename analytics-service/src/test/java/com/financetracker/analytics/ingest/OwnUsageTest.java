package com.financetracker.analytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.financetracker.platform.test.ApiClient;
import com.financetracker.platform.test.TestTokens;
import com.financetracker.platform.test.WithPostgres;
import com.financetracker.platform.test.WithTestTokens;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The analytics service counts its own endpoints too, straight into its own statistics. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "finance.usage.flush-interval=200ms")
@WithPostgres
@WithTestTokens
class OwnUsageTest {

    @LocalServerPort
    int port;

    @Test
    void itsOwnRequestsShowUp() {
        ApiClient api = ApiClient.onPort(port);
        String admin = TestTokens.admin(UUID.randomUUID());
        api.get("/analytics").send();
        api.get("/analytics").bearer(TestTokens.user(UUID.randomUUID())).send();
        api.get("/").send();

        await().atMost(Duration.ofSeconds(15)).until(() -> count(api, admin, "GET", "/analytics", "4xx") >= 2);
        assertThat(count(api, admin, "GET", "/", "2xx")).isEqualTo(1);
    }

    private static long count(ApiClient api, String admin, String method, String route, String statusClass) {
        for (JsonNode endpoint :
                api.get("/analytics").bearer(admin).send().json().path("endpoints")) {
            if (endpoint.path("service").asString().equals("analytics-service")
                    && endpoint.path("method").asString().equals(method)
                    && endpoint.path("route").asString().equals(route)) {
                return endpoint.path("status").path(statusClass).asLong();
            }
        }
        return 0;
    }
}
