package com.financetracker.web.expense;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An expense as a person types it: the quick-add form and the edit form. Turned into the expense service's JSON with
 * the amount as the decimal string typed (no parsing into floating point on the way).
 *
 * @param tags comma-separated
 */
public record ExpenseForm(
        String amount, String currency, String category, String description, String date, String tags) {

    /** The fields and their labels, to put the API's field errors next to the right field. */
    public static final Map<String, String> LABELS = Map.of(
            "amount", "Amount",
            "currency", "Currency",
            "category", "Category",
            "description", "Description",
            "date", "Date",
            "tags", "Tags");

    public static ExpenseForm of(
            @Nullable String amount,
            @Nullable String currency,
            @Nullable String category,
            @Nullable String description,
            @Nullable String date,
            @Nullable String tags) {
        return new ExpenseForm(
                strip(amount),
                strip(currency).toUpperCase(java.util.Locale.ROOT),
                strip(category),
                strip(description),
                strip(date),
                strip(tags));
    }

    /** The form showing an existing expense. */
    public static ExpenseForm of(com.financetracker.web.api.Expense expense) {
        return new ExpenseForm(
                expense.amount(),
                expense.currency(),
                expense.category(),
                expense.description() == null ? "" : expense.description(),
                expense.date().toString(),
                String.join(", ", expense.tagList()));
    }

    /** The body of a create or a full change. Blank optional fields are left out (or cleared in a patch). */
    public Map<String, @Nullable Object> toJson(boolean patch) {
        Map<String, @Nullable Object> json = new LinkedHashMap<>();
        json.put("amount", normalizedAmount());
        if (!currency.isEmpty()) {
            json.put("currency", currency);
        }
        json.put("category", category);
        if (!description.isEmpty() || patch) {
            json.put("description", description.isEmpty() ? null : description);
        }
        json.put("date", date.isEmpty() ? null : date);
        json.put("tags", tagList());
        return json;
    }

    /**
     * The amount as a plain decimal: "12,50" and "12.50" both mean twelve fifty; with both separators ("1,234.50",
     * "1.234,50") the last one is the decimal point. Anything else is passed on for the service to refuse.
     */
    public String normalizedAmount() {
        String compact = amount.replace(" ", "").replace("\u00a0", "").replace("'", "");
        int comma = compact.lastIndexOf(',');
        int dot = compact.lastIndexOf('.');
        if (comma >= 0 && dot >= 0) {
            return comma > dot ? compact.replace(".", "").replace(',', '.') : compact.replace(",", "");
        }
        return compact.replace(',', '.');
    }

    public List<String> tagList() {
        return Arrays.stream(tags.split(","))
                .map(String::strip)
                .filter(tag -> !tag.isEmpty())
                .distinct()
                .toList();
    }

    private static String strip(@Nullable String value) {
        return value == null ? "" : value.strip();
    }
}
