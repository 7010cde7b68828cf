package com.financetracker.expenses.expense;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which of a user's expenses a list, a count or an export covers; the repository turns it into SQL.
 *
 * @param from first day included
 * @param to last day included
 * @param categories category names, any case; an expense in any of them matches
 * @param tags an expense with any of these tags matches
 * @param currency only this currency
 * @param minAmount smallest amount included
 * @param maxAmount largest amount included
 * @param text words the description contains, any case
 */
record ExpenseFilter(
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        List<String> categories,
        List<String> tags,
        @Nullable String currency,
        @Nullable BigDecimal minAmount,
        @Nullable BigDecimal maxAmount,
        @Nullable String text) {

    /** Whether the filter selects every expense of the user. */
    boolean selectsAll() {
        return from == null
                && to == null
                && categories.isEmpty()
                && tags.isEmpty()
                && currency == null
                && minAmount == null
                && maxAmount == null
                && text == null;
    }
}
