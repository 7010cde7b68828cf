package com.financetracker.expenses;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.platform.test.ApiClient;
import com.financetracker.platform.test.ApiResponse;
import com.financetracker.platform.test.TestTokens;
import com.financetracker.platform.test.WithPostgres;
import com.financetracker.platform.test.WithTestTokens;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Base of the expense service's integration tests: the whole service on a random port over a fresh embedded
 * PostgreSQL database, called over HTTP with tokens from the test identity provider. Each test acts as new users, so
 * tests never see each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPostgres
@WithTestTokens
public abstract class ExpenseServiceTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected ApiClient api;

    /** A user of this test, and their token. */
    protected UUID userId;

    protected String token;

    @BeforeEach
    void connect() {
        api = ApiClient.onPort(port);
        userId = UUID.randomUUID();
        token = TestTokens.user(userId);
    }

    /** An expense body with the given fields, as JSON. */
    protected static String expense(String amount, String category, String date) {
        return "{\"amount\":\"%s\",\"category\":\"%s\",\"date\":\"%s\"}".formatted(amount, category, date);
    }

    protected ApiResponse create(String token, String body) {
        return api.post("/expenses").bearer(token).json(body).send();
    }

    /** Creates an expense and returns it, failing the test when that does not work. */
    protected JsonNode created(String token, String body) {
        ApiResponse response = create(token, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    protected static void assertProblem(ApiResponse response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asString()).isEqualTo("urn:finance-tracker:problem:" + type);
    }

    /** The fields named in a validation problem's errors. */
    protected static java.util.List<String> invalidFields(ApiResponse response) {
        return response.json().path("errors").findValuesAsString("field");
    }
}
