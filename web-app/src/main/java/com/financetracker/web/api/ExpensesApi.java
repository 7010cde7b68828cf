package com.financetracker.web.api;

import com.financetracker.web.config.WebAppProperties;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** The expense service's API: expenses, categories, summaries, CSV import and export. */
@Component
public class ExpensesApi {

    public static final String SERVICE = "expense service";
    private static final MediaType CSV = MediaType.parseMediaType("text/csv");
    private static final MediaType MERGE_PATCH = MediaType.parseMediaType("application/merge-patch+json");
    private static final ParameterizedTypeReference<List<Expense>> EXPENSES = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<Category>> CATEGORIES = new ParameterizedTypeReference<>() {};

    private final Downstream service;
    private final Downstream imports;

    public ExpensesApi(DownstreamFactory downstreams, WebAppProperties properties) {
        this.service = downstreams.create(SERVICE, properties.expensesUrl());
        this.imports = downstreams.create(
                SERVICE, properties.expensesUrl(), properties.calls().importTimeout());
    }

    /** One page of the selection; {@code cursor} is the one the previous page gave, or null for the first. */
    public Page<Expense> list(Caller caller, ExpenseQuery query, @Nullable String cursor, int limit) {
        Reply<List<Expense>> reply = service.call(
                caller,
                rest -> rest.get()
                        .uri(uri -> query.uri(
                                uri, "/expenses", Map.of("limit", Integer.toString(limit), "cursor", orEmpty(cursor))))
                        .accept(MediaType.APPLICATION_JSON),
                EXPENSES);
        return new Page<>(reply.requireBody(), reply.nextCursor(), reply.longHeader("X-Total-Count", -1));
    }

    public Expense get(Caller caller, UUID id) {
        return service.call(caller, rest -> rest.get().uri("/expenses/{id}", id), Expense.class)
                .requireBody();
    }

    /** Creates an expense once however often it is sent with the same {@code idempotencyKey}. */
    public Expense create(Caller caller, Map<String, Object> expense, String idempotencyKey) {
        return service.call(
                        caller,
                        rest -> rest.post()
                                .uri("/expenses")
                                .header("Idempotency-Key", idempotencyKey)
                                .contentType(MediaType.APPLICATION_JSON)
                                .body(expense),
                        Expense.class)
                .requireBody();
    }

    /** Applies a merge patch; with an {@code etag}, fails with 412 when the expense changed meanwhile. */
    public Expense update(Caller caller, UUID id, Map<String, @Nullable Object> patch, @Nullable String etag) {
        return service.call(
                        caller,
                        rest -> rest.patch()
                                .uri("/expenses/{id}", id)
                                .headers(headers -> ifMatch(headers, etag))
                                .contentType(MERGE_PATCH)
                                .body(patch),
                        Expense.class)
                .requireBody();
    }

    public void delete(Caller caller, UUID id, @Nullable String etag) {
        service.call(
                caller,
                rest -> rest.delete().uri("/expenses/{id}", id).headers(headers -> ifMatch(headers, etag)),
                Void.class);
    }

    /** Totals of the days from {@code from} to {@code to}, grouped by category, month, week, day or tag. */
    public Summary summary(Caller caller, LocalDate from, LocalDate to, String groupBy) {
        return service.call(
                        caller,
                        rest -> rest.get()
                                .uri(uri -> Parameters.uri(
                                        uri,
                                        "/expenses/summary",
                                        "from",
                                        from.toString(),
                                        "to",
                                        to.toString(),
                                        "groupBy",
                                        groupBy)),
                        Summary.class)
                .requireBody();
    }

    public List<Category> categories(Caller caller) {
        return service.call(caller, rest -> rest.get().uri("/categories"), CATEGORIES)
                .requireBody();
    }

    public Category createCategory(Caller caller, String name) {
        return service.call(
                        caller,
                        rest -> rest.post()
                                .uri("/categories")
                                .contentType(MediaType.APPLICATION_JSON)
                                .body(Map.of("name", name)),
                        Category.class)
                .requireBody();
    }

    public Category renameCategory(Caller caller, UUID id, String name) {
        return service.call(
                        caller,
                        rest -> rest.patch()
                                .uri("/categories/{id}", id)
                                .contentType(MERGE_PATCH)
                                .body(Map.of("name", name)),
                        Category.class)
                .requireBody();
    }

    /** Deletes a category; the expenses that use it move to {@code reassignTo}. */
    public void deleteCategory(Caller caller, UUID id, @Nullable UUID reassignTo) {
        service.call(
                caller,
                rest -> rest.delete()
                        .uri(uri -> Parameters.uri(
                                uri,
                                "/categories/" + id,
                                "reassignTo",
                                reassignTo == null ? null : reassignTo.toString())),
                Void.class);
    }

    /** Imports a CSV file, or with {@code dryRun} only says what an import would do. */
    public ImportResult importCsv(Caller caller, byte[] csv, boolean dryRun) {
        return imports.call(
                        caller,
                        rest -> rest.post()
                                .uri(uri -> Parameters.uri(uri, "/expenses/import", "dryRun", Boolean.toString(dryRun)))
                                .contentType(CSV)
                                .body(csv),
                        ImportResult.class)
                .requireBody();
    }

    /** Streams the whole selection as CSV. */
    public void exportCsv(Caller caller, ExpenseQuery query, Downstream.BodyConsumer csv) {
        service.stream(
                caller,
                rest -> rest.get()
                        .uri(uri -> query.uri(uri, "/expenses", Map.of()))
                        .accept(CSV),
                csv);
    }

    private static void ifMatch(HttpHeaders headers, @Nullable String etag) {
        if (etag != null && !etag.isBlank()) {
            headers.setIfMatch(etag);
        }
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
