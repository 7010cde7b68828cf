package com.financetracker.web.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriBuilder;

/**
 * A selection of expenses, in the expense service's filter parameters; null or blank parts select everything.
 *
 * @param sort one of {@code -date}, {@code date}, {@code -amount}, {@code amount}, {@code -createdAt}
 */
public record ExpenseQuery(
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        @Nullable String category,
        @Nullable String tag,
        @Nullable String q,
        @Nullable String minAmount,
        @Nullable String maxAmount,
        @Nullable String sort) {

    public static ExpenseQuery all() {
        return new ExpenseQuery(null, null, null, null, null, null, null, null);
    }

    public static ExpenseQuery sortedBy(String sort) {
        return new ExpenseQuery(null, null, null, null, null, null, null, sort);
    }

    /**
     * Builds the URI of {@code path} with the selection's parameters and {@code more}. The values are expanded as URI
     * variables, so every reserved character in them ({@code &}, {@code +}, …) is encoded.
     */
    public URI uri(UriBuilder uri, String path, Map<String, String> more) {
        Map<String, String> values = new LinkedHashMap<>();
        put(values, "from", from == null ? null : from.toString());
        put(values, "to", to == null ? null : to.toString());
        put(values, "category", category);
        put(values, "tag", tag);
        put(values, "q", q);
        put(values, "minAmount", minAmount);
        put(values, "maxAmount", maxAmount);
        put(values, "sort", sort);
        more.forEach((name, value) -> put(values, name, value));
        uri.path(path);
        values.keySet().forEach(name -> uri.queryParam(name, "{" + name + "}"));
        return uri.build(values);
    }

    private static void put(Map<String, String> values, String name, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            values.put(name, value.strip());
        }
    }
}
