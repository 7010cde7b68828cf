package com.financetracker.expenses.expense;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An expense as a client sends it: the body of a create or a full replacement, and the state a merge patch applies
 * to. Checked as a whole by {@link ExpenseRules}, so every problem is reported at once.
 *
 * @param amount a positive decimal, sent as a string ({@code "12.50"}) or a number
 * @param currency an ISO 4217 code; when absent, the user's default currency, else USD
 * @param category a category name, matched whatever its case and created when new
 * @param description free text, at most 500 characters
 * @param date the day of the expense
 * @param tags at most 20 labels of 1 to 30 characters
 */
public record ExpenseRequest(
        @Nullable BigDecimal amount,
        @Nullable String currency,
        @Nullable String category,
        @Nullable String description,
        @Nullable LocalDate date,
        @Nullable List<String> tags) {}
