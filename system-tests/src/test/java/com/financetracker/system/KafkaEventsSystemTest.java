package com.financetracker.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.financetracker.launcher.IsolatedStack;
import com.financetracker.launcher.Topology;
import com.financetracker.platform.test.ApiClient;
import com.financetracker.platform.test.ApiResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The production event path, as Compose and Kubernetes run it: events between the real services travel over Kafka
 * (the launcher's embedded KRaft broker). Account deletion and usage statistics work as they do over HTTP,
 * including a deletion made while the expense service was down. The insights service learns from the expense
 * service's events: a new insights database is rebuilt from the expense service, events that arrive while it is down
 * are applied once it is back, and deleting an account removes what it knew.
 */
class KafkaEventsSystemTest {

    static IsolatedStack stack;
    static ApiClient users;
    static ApiClient expenses;
    static ApiClient analytics;
    static ApiClient insights;

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
        insights = new ApiClient(stack.url(Topology.INSIGHTS_SERVICE));
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

    @Test
    void learnsFromThePersonsExpensesAppliesWhatArrivedWhileDownAndForgetsADeletedAccount() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String token = SystemStack.newUser(users, "kafka-insights");
        for (int i = 0; i < 6; i++) {
            // amounts that differ, so no two look like a duplicate
            created(token, "BAECKEREI MUELLER FILIALE " + i, "4.2" + i, "Bakery", today.minusDays(i + 5));
            created(token, "STADTWERKE ABSCHLAG " + i, "8" + i + ".00", "Energy", today.minusDays(i + 5));
        }

        // a new insights database: rebuilt from the expense service (and the same events arrive over Kafka)
        stack.startService(Topology.INSIGHTS_SERVICE);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> topCategory(token, "Baeckerei Mueller").equals("Bakery"));

        stack.stopService(Topology.INSIGHTS_SERVICE);
        created(token, "CORNER CAFE", "12.50", "Food", today.minusDays(1));
        created(token, "CORNER CAFE", "12.50", "Food", today);
        stack.startService(Topology.INSIGHTS_SERVICE);

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> alerts(token).json().size() == 1);
        assertThat(alerts(token).json().get(0).path("kind").asString()).isEqualTo("possible-duplicate");
        assertThat(alerts(token).json().get(0).path("message").asString()).contains("CORNER CAFE");

        ApiResponse deleted = users.delete("/users/me")
                .bearer(token)
                .json("{\"password\":\"correct horse battery\"}")
                .send();
        assertThat(deleted.status()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> alerts(token).json().isEmpty());
        assertThat(topCategory(token, "Baeckerei Mueller"))
                .as("back to the model every person starts with")
                .isNotEqualTo("Bakery");
    }

    private static void created(String token, String description, String amount, String category, LocalDate date) {
        ApiResponse response = expenses.post("/expenses")
                .bearer(token)
                .json("{\"amount\":\"%s\",\"category\":\"%s\",\"description\":\"%s\",\"date\":\"%s\"}"
                        .formatted(amount, category, description, date))
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private static String topCategory(String token, String description) {
        ApiResponse response = insights.post("/insights/category-suggestions")
                .bearer(token)
                .json("{\"description\":\"%s\"}".formatted(description))
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("suggestions").get(0).path("category").asString();
    }

    private static ApiResponse alerts(String token) {
        ApiResponse response = insights.get("/insights/alerts").bearer(token).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
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
