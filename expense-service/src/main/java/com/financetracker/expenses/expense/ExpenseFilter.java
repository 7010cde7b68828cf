package com.financetracker.expenses.expense;

import com.financetracker.platform.web.ProblemException;
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
public record ExpenseFilter(
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        List<String> categories,
        List<String> tags,
        @Nullable String currency,
        @Nullable BigDecimal minAmount,
        @Nullable BigDecimal maxAmount,
        @Nullable String text) {

    /**
     * Refuses a date range that ends before it starts, or whose years have more than four digits: ISO dates such as
     * {@code +999999999-01-01} parse but are out of the database's range, and failed deep inside the query.
     */
    public static void requireValidDates(@Nullable LocalDate from, @Nullable LocalDate to) {
        if (outOfRange(from)) {
            throw ProblemException.invalidField("from", "must be a date (YYYY-MM-DD)");
        }
        if (outOfRange(to)) {
            throw ProblemException.invalidField("to", "must be a date (YYYY-MM-DD)");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw ProblemException.invalidField("to", "must not be before from");
        }
    }

    private static boolean outOfRange(@Nullable LocalDate date) {
        return date != null && (date.getYear() < 1 || date.getYear() > 9999);
    }

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
