package com.financetracker.contracts;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One page of every person's expenses in the expense service, in id order, as {@code GET /internal/expenses} answers
 * it: how a consumer that keeps its own copy of the expenses (re)builds it from nothing, before or while the events
 * keep it current.
 *
 * @param expenses each expense as the event of its last change would carry it
 * @param next the {@code after} of the next page, or null on the last page
 */
public record ExpenseHistoryPage(
        List<ExpenseChanged> expenses, @Nullable UUID next) {

    /** Where the expense service answers pages, relative to its base URL. */
    public static final String PATH = "/internal/expenses";
}
