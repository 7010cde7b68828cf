package com.financetracker.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.contracts.CategoriesMerged;
import com.financetracker.contracts.CategoryRenamed;
import com.financetracker.contracts.ExpenseChanged;
import com.financetracker.contracts.ExpenseDeleted;
import com.financetracker.contracts.ExpenseHistoryPage;
import com.financetracker.contracts.UserDeleted;
import com.financetracker.platform.events.EventType;
import com.financetracker.platform.events.ServiceTokens;
import com.financetracker.platform.test.ApiClient;
import com.financetracker.platform.test.ApiResponse;
import com.financetracker.platform.test.TestTokens;
import com.financetracker.platform.test.WithPostgres;
import com.financetracker.platform.test.WithTestTokens;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the insights service's integration tests: the service on a random port over a fresh embedded PostgreSQL
 * database, receiving events over HTTP as the expense and user services send them. A stand-in expense service answers
 * the rebuild's pages with {@link #EXPENSE_SERVICE_HISTORY} (empty unless a test fills it).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"finance.usage.flush-interval=1h", "finance.insights.retrain-delay=0s"})
@WithPostgres
@WithTestTokens
@Import(InsightsServiceTest.Tokens.class)
public abstract class InsightsServiceTest {

    /** The expenses the stand-in expense service holds, in id order, for the rebuild to fetch. */
    protected static final List<ExpenseChanged> EXPENSE_SERVICE_HISTORY = new CopyOnWriteArrayList<>();

    /** The authorization headers the stand-in expense service received. */
    protected static final List<String> EXPENSE_SERVICE_CALLERS = new CopyOnWriteArrayList<>();

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpServer EXPENSE_SERVICE = expenseService();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected ApiClient api;
    protected UUID userId;
    protected String token;

    @DynamicPropertySource
    static void expenseService(DynamicPropertyRegistry registry) {
        registry.add(
                "finance.insights.expenses-url",
                () -> "http://127.0.0.1:" + EXPENSE_SERVICE.getAddress().getPort());
    }

    /** The service token the rebuild calls the expense service with. */
    @TestConfiguration
    static class Tokens {

        @Bean
        ServiceTokens serviceTokens() {
            return () -> TestTokens.service("insights-service");
        }
    }

    @BeforeEach
    void connect() {
        api = ApiClient.onPort(port);
        userId = UUID.randomUUID();
        token = TestTokens.user(userId);
    }

    /** Delivers an event the way the other services do: posted to the inbox with a service token. */
    protected <P> ApiResponse deliver(EventType<P> type, String key, P payload) {
        return deliver(UUID.randomUUID(), type, key, payload);
    }

    protected <P> ApiResponse deliver(UUID eventId, EventType<P> type, String key, P payload) {
        return deliverAs(type == UserDeleted.TYPE ? "user-service" : "expense-service", eventId, type, key, payload);
    }

    /** Delivers an event with the service token of {@code sender}. */
    protected <P> ApiResponse deliverAs(String sender, UUID eventId, EventType<P> type, String key, P payload) {
        String envelope = JSON.writeValueAsString(Map.of(
                "id", eventId, "type", type.name(), "key", key, "occurredAt", Instant.now(), "payload", payload));
        return api.post("/internal/events")
                .bearer(TestTokens.service(sender))
                .json(envelope)
                .send();
    }

    protected ExpenseChanged expense(String description, String amount, String category, LocalDate date) {
        return expense(UUID.randomUUID(), 1, description, amount, category, date);
    }

    protected ExpenseChanged expense(
            UUID id, int version, String description, String amount, String category, LocalDate date) {
        return new ExpenseChanged(userId, id, version, description, new BigDecimal(amount), "EUR", date, category);
    }

    protected void created(ExpenseChanged expense) {
        accepted(deliver(ExpenseChanged.CREATED, expense.key(), expense));
    }

    protected void updated(ExpenseChanged expense) {
        accepted(deliver(ExpenseChanged.UPDATED, expense.key(), expense));
    }

    protected void deleted(UUID id, int version) {
        ExpenseDeleted deleted = new ExpenseDeleted(userId, id, version);
        accepted(deliver(ExpenseDeleted.TYPE, deleted.key(), deleted));
    }

    protected void renamed(String from, String to) {
        CategoryRenamed renamed = new CategoryRenamed(userId, from, to);
        accepted(deliver(CategoryRenamed.TYPE, renamed.key(), renamed));
    }

    protected void merged(String from, String into) {
        CategoriesMerged merged = new CategoriesMerged(userId, from, into);
        accepted(deliver(CategoriesMerged.TYPE, merged.key(), merged));
    }

    protected void userDeleted(UUID user) {
        UserDeleted deleted = new UserDeleted(user, Instant.now());
        accepted(deliver(UserDeleted.TYPE, deleted.key(), deleted));
    }

    /** The categories of the person's expenses as this service holds them, by description. */
    protected Map<String, String> categoriesByDescription() {
        return jdbc
                .sql("select description, category from expenses where user_id = :user and not deleted")
                .param("user", userId)
                .query((rs, row) -> Map.entry(rs.getString("description"), rs.getString("category")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static void accepted(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(202);
    }

    private static HttpServer expenseService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/internal/expenses", http -> {
                EXPENSE_SERVICE_CALLERS.add(
                        String.valueOf(http.getRequestHeaders().getFirst("Authorization")));
                String query = String.valueOf(http.getRequestURI().getQuery());
                UUID after = null;
                int limit = 1000;
                for (String parameter : query.split("&")) {
                    if (parameter.startsWith("after=")) {
                        after = UUID.fromString(parameter.substring("after=".length()));
                    } else if (parameter.startsWith("limit=")) {
                        limit = Integer.parseInt(parameter.substring("limit=".length()));
                    }
                }
                UUID from = after;
                // in PostgreSQL's order of uuids, which is that of their text
                List<ExpenseChanged> rest = EXPENSE_SERVICE_HISTORY.stream()
                        .sorted(Comparator.comparing(
                                expense -> expense.expenseId().toString()))
                        .filter(expense ->
                                from == null || expense.expenseId().toString().compareTo(from.toString()) > 0)
                        .toList();
                List<ExpenseChanged> page = rest.stream().limit(limit).toList();
                UUID next = rest.size() > limit ? page.getLast().expenseId() : null;
                byte[] body = JSON.writeValueAsString(new ExpenseHistoryPage(page, next))
                        .getBytes(StandardCharsets.UTF_8);
                http.getResponseHeaders().set("Content-Type", "application/json");
                http.sendResponseHeaders(200, body.length);
                http.getResponseBody().write(body);
                http.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
