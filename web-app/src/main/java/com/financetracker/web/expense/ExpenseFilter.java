package com.financetracker.web.expense;

import com.financetracker.web.api.ExpenseQuery;
import com.financetracker.web.view.FormErrors;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filters of the expenses page as typed, kept as text so that a wrong value is shown back as typed. The URL's
 * parameters have the API's names, so a filtered page can be bookmarked and its selection exported.
 */
public record ExpenseFilter(
        String from,
        String to,
        String category,
        String tag,
        String q,
        String minAmount,
        String maxAmount,
        String sort) {

    public static final Map<String, String> LABELS = Map.of(
            "from", "From",
            "to", "To",
            "category", "Category",
            "tag", "Tag",
            "q", "Text",
            "minAmount", "Minimum amount",
            "maxAmount", "Maximum amount",
            "sort", "Sort");

    /** The sort orders the page offers, with the words it shows for them. */
    public static final List<Map.Entry<String, String>> SORTS = List.of(
            Map.entry("-date", "Newest first"),
            Map.entry("date", "Oldest first"),
            Map.entry("-amount", "Largest first"),
            Map.entry("amount", "Smallest first"),
            Map.entry("-createdAt", "Recently added"));

    public static ExpenseFilter of(
            @Nullable String from,
            @Nullable String to,
            @Nullable String category,
            @Nullable String tag,
            @Nullable String q,
            @Nullable String minAmount,
            @Nullable String maxAmount,
            @Nullable String sort) {
        String order = strip(sort);
        boolean known = SORTS.stream().anyMatch(entry -> entry.getKey().equals(order));
        return new ExpenseFilter(
                strip(from),
                strip(to),
                strip(category),
                strip(tag),
                strip(q),
                strip(minAmount),
                strip(maxAmount),
                known ? order : "-date");
    }

    /** Whether any filter narrows the list (the sort order does not). */
    public boolean active() {
        return !(from + to + category + tag + q + minAmount + maxAmount).isEmpty();
    }

    /** The selection for the expense service; a date that is not one is sent as typed, for the service to refuse. */
    public ExpenseQuery query() {
        return new ExpenseQuery(date(from), date(to), category, tag, q, amount(minAmount), amount(maxAmount), sort);
    }

    /** The filter as URL parameters (without the default sort), for links that keep it. */
    public String queryString() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("from", from);
        values.put("to", to);
        values.put("category", category);
        values.put("tag", tag);
        values.put("q", q);
        values.put("minAmount", minAmount);
        values.put("maxAmount", maxAmount);
        values.put("sort", "-date".equals(sort) ? "" : sort);
        UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
        values.forEach((name, value) -> {
            if (!value.isEmpty()) {
                uri.queryParam(name, "{" + name + "}");
            }
        });
        values.values().removeIf(String::isEmpty);
        String query = uri.build().expand(values).encode().getQuery();
        return query == null ? "" : query;
    }

    public String url(String path, @Nullable String cursor) {
        String query = queryString();
        String withCursor = cursor == null
                ? query
                : (query.isEmpty() ? "" : query + "&") + "cursor="
                        + org.springframework.web.util.UriUtils.encodeQueryParam(cursor, "UTF-8");
        return withCursor.isEmpty() ? path : path + "?" + withCursor;
    }

    /** Dates the browser's date field would not have sent; checked here, the service checks the rest. */
    public FormErrors dateErrors() {
        if (!from.isEmpty() && date(from) == null) {
            return FormErrors.field("from", "From must be a date.");
        }
        if (!to.isEmpty() && date(to) == null) {
            return FormErrors.field("to", "To must be a date.");
        }
        return FormErrors.none();
    }

    private static @Nullable LocalDate date(String value) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String amount(String value) {
        return value.isEmpty() ? "" : ExpenseForm.of(value, "", "", "", "", "").normalizedAmount();
    }

    private static String strip(@Nullable String value) {
        return value == null ? "" : value.strip();
    }
}
