package com.financetracker.expenses.expense;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An expense as clients see it; the amount is a string with exactly its currency's decimals. */
public record ExpenseResponse(
        UUID id,
        String amount,
        String currency,
        String category,
        @Nullable String description,
        LocalDate date,
        List<String> tags,
        Instant createdAt,
        Instant updatedAt,
        int version) {

    static ExpenseResponse of(Expense expense) {
        return new ExpenseResponse(
                expense.id(),
                Money.format(expense.amount(), expense.currency()),
                expense.currency(),
                expense.category(),
                expense.description(),
                expense.date(),
                expense.tags(),
                expense.createdAt(),
                expense.updatedAt(),
                expense.version());
    }
}
