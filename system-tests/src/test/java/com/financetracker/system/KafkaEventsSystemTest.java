package com.financetracker.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.financetracker.launcher.IsolatedStack;
import com.financetracker.launcher.Topology;
import com.financetracker.platform.test.ApiClient;
import com.financetracker.platform.test.ApiResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The production event path, as Compose and Kubernetes run it: events between the real services travel over Kafka
 * (the launcher's embedded KRaft broker). Account deletion and usage statistics work as they do over HTTP,
 * including a deletion made while the expense service was down.
 */
class KafkaEventsSystemTest {

    static IsolatedStack stack;
    static ApiClient users;
    static ApiClient expenses;
    static ApiClient analytics;

    @BeforeAll
    static void start() {
        stack = SystemStack.start(
                true,
                Map.of("FINANCE_USAGE_FLUSHINTERVAL", "1s"),
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
    void deletingAnAccountPurgesItsExpensesOverKafkaEvenIfTheExpenseServiceWasDown() {
        String leaving = SystemStack.newUser(users, "kafka-leaving");
        for (int i = 1; i <= 2; i++) {
            assertThat(SystemStack.createExpense(expenses, leaving, i).status()).isEqualTo(201);
        }

        stack.stopService(Topology.EXPENSE_SERVICE);
        ApiResponse deleted = users.delete("/users/me")
                .bearer(leaving)
                .json("{\"password\":\"correct horse battery\"}")
                .send();
        assertThat(deleted.status()).isEqualTo(204);
        stack.startService(Topology.EXPENSE_SERVICE);

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> SystemStack.createExpense(expenses, leaving, 3).status() == 403);
        assertThat(expenses.get("/expenses").bearer(leaving).send().json().size())
                .isZero();
    }

    @Test
    void usageOfEveryServiceReachesTheAnalyticsOverKafka() {
        String token = SystemStack.newUser(users, "kafka-counted");
        for (int i = 0; i < 3; i++) {
            expenses.get("/expenses/summary").bearer(token).send();
        }
        String admin = SystemStack.adminToken(stack, users);

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    JsonNode stats =
                            analytics.get("/analytics").bearer(admin).send().json();
                    assertThat(count(stats, "expense-service", "/expenses/summary"))
                            .isEqualTo(3);
                    assertThat(count(stats, "user-service", "/register")).isPositive();
                });
    }

    private static long count(JsonNode stats, String service, String route) {
        long count = 0;
        for (JsonNode endpoint : stats.path("endpoints")) {
            if (endpoint.path("service").asString().equals(service)
                    && endpoint.path("route").asString().equals(route)) {
                count += endpoint.path("count").asLong();
            }
        }
        return count;
    }
}
