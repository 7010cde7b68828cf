package com.financetracker.expenses.expense;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An expense as stored, with its category's name. It never leaves the service: responses are {@link ExpenseResponse}. */
record Expense(
        UUID id,
        UUID userId,
        BigDecimal amount,
        String currency,
        String category,
        @Nullable String description,
        LocalDate date,
        List<String> tags,
        Instant createdAt,
        Instant updatedAt,
        int version) {

    /** The entity tag of this version, for {@code ETag} and {@code If-Match}. */
    String etag() {
        return "\"" + version + "\"";
    }

    /** This expense as a client would send it back unchanged, the base a merge patch applies to. */
    ExpenseRequest asRequest() {
        return new ExpenseRequest(amount, currency, category, description, date, tags);
    }
}
