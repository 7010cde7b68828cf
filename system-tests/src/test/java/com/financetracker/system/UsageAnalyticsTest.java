package com.financetracker.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.financetracker.launcher.IsolatedStack;
import com.financetracker.launcher.Topology;
import com.financetracker.platform.test.ApiClient;
import com.financetracker.platform.test.ApiResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Requests to every service show up in the analytics with their exact counts per route and status, including the
 * requests made while the analytics service was stopped: their reports wait in each service's outbox.
 */
class UsageAnalyticsTest {

    static IsolatedStack stack;
    static ApiClient users;
    static ApiClient expenses;
    static ApiClient analytics;

    @BeforeAll
    static void start() {
        stack = SystemStack.start(
                Map.of("FINANCE_USAGE_FLUSHINTERVAL", "1s", "FINANCE_EVENTS_MAXBACKOFF", "2s"),
                Topology.USER_SERVICE,
                Topology.EXPENSE_SERVICE,
                Topology.ANALYTICS_SERVICE);
        users = new ApiClient(stack.url(Topology.USER_SERVICE));
        expenses = new ApiClient(stack.url(Topology.EXPENSE_SERVICE));
        analytics = new ApiClient(stack.url(Topology.ANALYTICS_SERVICE));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void everyRequestIsCountedUnderItsRouteAndStatusAndNoneIsLostWhileAnalyticsIsDown() {
        String admin = SystemStack.adminToken(stack, users);
        String token = SystemStack.newUser(users, "counted");
        String id = null;
        for (int i = 1; i <= 3; i++) {
            id = SystemStack.createExpense(expenses, token, i).json().path("id").asString();
        }
        for (int i = 0; i < 4; i++) {
            assertThat(expenses.get("/expenses/" + id).bearer(token).send().status())
                    .isEqualTo(200);
        }
        expenses.get("/expenses/" + UUID.randomUUID()).bearer(token).send();
        expenses.get("/expenses/" + id).send();
        expenses.get("/no/such/path").send();

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    JsonNode stats =
                            analytics.get("/analytics").bearer(admin).send().json();
                    assertThat(SystemStack.statusCount(stats, "expense-service", "POST", "/expenses", "2xx"))
                            .isEqualTo(3);
                    assertThat(SystemStack.statusCount(stats, "expense-service", "GET", "/expenses/{id}", "2xx"))
                            .isEqualTo(4);
                    assertThat(SystemStack.statusCount(stats, "expense-service", "GET", "/expenses/{id}", "4xx"))
                            .isEqualTo(2);
                    assertThat(SystemStack.statusCount(stats, "expense-service", "GET", "UNMATCHED", "4xx"))
                            .isEqualTo(1);
                    assertThat(SystemStack.statusCount(stats, "user-service", "POST", "/register", "2xx"))
                            .isEqualTo(1);
                    assertThat(SystemStack.statusCount(stats, "user-service", "POST", "/login", "2xx"))
                            .isEqualTo(2);
                });

        stack.stopService(Topology.ANALYTICS_SERVICE);
        for (int i = 0; i < 5; i++) {
            assertThat(expenses.get("/expenses").bearer(token).send().status()).isEqualTo(200);
        }
        ApiResponse refused = users.post("/login")
                .json("{\"email\":\"nobody@example.com\",\"password\":\"x1234567\"}")
                .send();
        assertThat(refused.status()).isEqualTo(401);
        stack.startService(Topology.ANALYTICS_SERVICE);

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    JsonNode stats =
                            analytics.get("/analytics").bearer(admin).send().json();
                    assertThat(SystemStack.statusCount(stats, "expense-service", "GET", "/expenses", "2xx"))
                            .isEqualTo(5);
                    assertThat(SystemStack.statusCount(stats, "user-service", "POST", "/login", "4xx"))
                            .isEqualTo(1);
                    assertThat(SystemStack.statusCount(stats, "expense-service", "POST", "/expenses", "2xx"))
                            .isEqualTo(3);
                    assertThat(SystemStack.statusCount(stats, "user-service", "POST", "/login", "2xx"))
                            .isEqualTo(2);
                });
    }
}
