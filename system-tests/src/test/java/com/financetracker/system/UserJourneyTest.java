package com.financetracker.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.launcher.IsolatedStack;
import com.financetracker.launcher.Topology;
import com.financetracker.platform.test.ApiClient;
import com.financetracker.platform.test.ApiResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What a new user does, across the real services: register and log in at the user service, then keep expenses at the
 * expense service, which verifies the user service's tokens with its published keys.
 */
class UserJourneyTest {

    static IsolatedStack stack;
    static ApiClient users;
    static ApiClient expenses;

    @BeforeAll
    static void start() {
        stack = SystemStack.start(Map.of(), Topology.USER_SERVICE, Topology.EXPENSE_SERVICE);
        users = new ApiClient(stack.url(Topology.USER_SERVICE));
        expenses = new ApiClient(stack.url(Topology.EXPENSE_SERVICE));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void newUserKeepsTrackOfExpenses() {
        String email = "journey-" + UUID.randomUUID() + "@example.com";
        String credentials = "{\"email\":\"%s\",\"password\":\"a good password\"}".formatted(email);
        assertThat(users.post("/register").json(credentials).send().status()).isEqualTo(201);
        JsonNode tokens = users.post("/login").json(credentials).send().json();
        String token = tokens.path("access_token").asString();
        users.patch("/users/me")
                .bearer(token)
                .body("application/merge-patch+json", "{\"defaultCurrency\":\"EUR\"}")
                .send();
        String refreshed = users.post("/token/refresh")
                .json("{\"refresh_token\":\"%s\"}"
                        .formatted(tokens.path("refresh_token").asString()))
                .send()
                .json()
                .path("access_token")
                .asString();

        ApiResponse created = expenses.post("/expenses")
                .bearer(refreshed)
                .json("{\"amount\":\"12.50\",\"category\":\"food\",\"description\":\"Lunch\",\"date\":\"2026-11-20\","
                        + "\"tags\":[\"work\"]}")
                .send();
        expenses.post("/expenses")
                .bearer(refreshed)
                .json("{\"amount\":\"30\",\"category\":\"Transport\",\"date\":\"2026-11-21\"}")
                .send();

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("currency").asString()).isEqualTo("EUR");
        assertThat(created.json().path("category").asString()).isEqualTo("Food");
        JsonNode listed = expenses.get("/expenses").bearer(refreshed).send().json();
        assertThat(listed.size()).isEqualTo(2);
        assertThat(listed.get(0).path("category").asString()).isEqualTo("Transport");
        JsonNode summary = expenses.get("/expenses/summary?groupBy=month")
                .bearer(refreshed)
                .send()
                .json();
        assertThat(summary.path("groups").get(0).path("total").asString()).isEqualTo("42.50");
        String csv = expenses.get("/expenses")
                .bearer(refreshed)
                .header("Accept", "text/csv")
                .send()
                .body();
        assertThat(csv)
                .startsWith("date,amount,currency,category,description,tags\r\n")
                .contains("Lunch");
    }

    @Test
    void tokensFromElsewhereAreRefused() {
        ApiResponse forged = expenses.get("/expenses")
                .bearer(com.financetracker.platform.test.TestTokens.user(UUID.randomUUID()))
                .send();

        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theDashboardOriginMayCallTheApis() {
        ApiResponse preflight = users.method("OPTIONS", "/login")
                .header("Origin", "http://localhost:" + portOf(Topology.ANALYTICS_SERVICE))
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .send();

        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNotBlank();
    }

    private static int portOf(String service) {
        return Integer.parseInt(stack.url(service).replaceAll(".*:", ""));
    }
}
