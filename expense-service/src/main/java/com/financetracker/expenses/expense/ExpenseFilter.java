package com.financetracker.expenses.expense;

import com.financetracker.platform.web.ProblemException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which of a user's expenses a list, a count, an export or a summary covers. Every condition binds its values as
 * parameters.
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

    public static ExpenseFilter between(@Nullable LocalDate from, @Nullable LocalDate to) {
        return new ExpenseFilter(from, to, List.of(), List.of(), null, null, null, null);
    }

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

    /** The where clause (on {@code expenses e}) selecting the user's matching expenses. */
    String where() {
        StringBuilder sql = new StringBuilder("e.user_id = :user");
        if (from != null) {
            sql.append(" and e.expense_date >= :from");
        }
        if (to != null) {
            sql.append(" and e.expense_date <= :to");
        }
        if (!categories.isEmpty()) {
            sql.append(" and e.category_id in (select c.id from categories c where c.user_id = :user"
                    + " and lower(c.name) in (select lower(name) from unnest(cast(:categories as text[])) as name))");
        }
        if (!tags.isEmpty()) {
            sql.append(" and e.tags && cast(:tags as text[])");
        }
        if (currency != null) {
            sql.append(" and e.currency = :currency");
        }
        if (minAmount != null) {
            sql.append(" and e.amount >= :minAmount");
        }
        if (maxAmount != null) {
            sql.append(" and e.amount <= :maxAmount");
        }
        if (text != null) {
            sql.append(" and e.description ilike :text escape '\\'");
        }
        return sql.toString();
    }

    /** Binds the parameters {@link #where()} uses. */
    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, UUID userId) {
        statement.param("user", userId);
        if (from != null) {
            statement.param("from", from);
        }
        if (to != null) {
            statement.param("to", to);
        }
        if (!categories.isEmpty()) {
            statement.param(
                    "categories",
                    // lower-cased by the database, as category names are matched everywhere
                    categories.stream().map(String::strip).toArray(String[]::new));
        }
        if (!tags.isEmpty()) {
            statement.param("tags", tags.stream().map(String::strip).toArray(String[]::new));
        }
        if (currency != null) {
            statement.param("currency", currency.toUpperCase(Locale.ROOT));
        }
        if (minAmount != null) {
            statement.param("minAmount", minAmount);
        }
        if (maxAmount != null) {
            statement.param("maxAmount", maxAmount);
        }
        if (text != null) {
            statement.param(
                    "text", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return statement;
    }
}
