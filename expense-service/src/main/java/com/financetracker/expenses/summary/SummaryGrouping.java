package com.financetracker.expenses.summary;

import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a summary groups expenses by: the SQL expression of the group an expense falls in, and of the key the group is
 * shown with. Dates are grouped as dates and formatted once per group, not once per expense. Groupings whose groups
 * are made of whole months (category, month) can also read the monthly totals the database keeps instead of
 * the expenses: by category those per month, category and currency ({@code expense_totals}), by month those per month
 * and currency ({@code expense_month_totals}).
 */
enum SummaryGrouping {
    CATEGORY(
            "category",
            "join categories c on c.id = e.category_id",
            "c.name",
            "bucket",
            Order.BY_NAME,
            new MonthlyTotals("expense_totals", "join categories c on c.id = t.category_id", "c.name")),
    MONTH(
            "month",
            "",
            "date_trunc('month', cast(e.expense_date as timestamp))",
            "to_char(bucket, 'YYYY-MM')",
            Order.BY_DATE,
            new MonthlyTotals("expense_month_totals", "", "cast(t.month as timestamp)")),
    WEEK(
            "week",
            "",
            "date_trunc('week', cast(e.expense_date as timestamp))",
            "to_char(bucket, 'IYYY-\"W\"IW')",
            Order.BY_DATE,
            null),
    DAY("day", "", "e.expense_date", "to_char(bucket, 'YYYY-MM-DD')", Order.BY_DATE, null),
    TAG("tag", "left join lateral unnest(e.tags) as t(tag) on true", "t.tag", "bucket", Order.BY_NAME, null);

    /** The orders of groups, from their {@code bucket}. */
    private static final class Order {

        /** Names in alphabetical order whatever their case, none last. */
        static final String BY_NAME = "lower(bucket) nulls last, bucket";

        /**
         * Dates in order of time: the order of their keys too, which are written with fixed widths, without
         * formatting and comparing them as text.
         */
        static final String BY_DATE = "bucket";
    }

    /**
     * How the groups are read from monthly totals: the table of totals {@code t} (each row a month's total and count
     * of expenses, in a currency, in a slot), what to join to it, and the group of a total.
     */
    record MonthlyTotals(String table, String join, String bucket) {}

    /** The values of the {@code groupBy} parameter, one for each grouping (a test keeps them in step). */
    static final String PARAMETERS = "category|month|week|day|tag";

    static final String NOT_A_PARAMETER = "must be one of category, month, week, day, tag";

    private final String parameter;
    private final String join;
    private final String bucket;
    private final String key;
    private final String order;
    private final @Nullable MonthlyTotals monthlyTotals;

    SummaryGrouping(
            String parameter,
            String join,
            String bucket,
            String key,
            String order,
            @Nullable MonthlyTotals monthlyTotals) {
        this.parameter = parameter;
        this.join = join;
        this.bucket = bucket;
        this.key = key;
        this.order = order;
        this.monthlyTotals = monthlyTotals;
    }

    String parameter() {
        return parameter;
    }

    static Optional<SummaryGrouping> fromParameter(String value) {
        return Arrays.stream(values()).filter(g -> g.parameter.equals(value)).findFirst();
    }

    /** What {@link #bucket()} needs joined to the expense {@code e}, if anything. */
    String join() {
        return join;
    }

    /** The group of an expense {@code e} (of category {@code c}, with tag {@code t}). */
    String bucket() {
        return bucket;
    }

    /** The group's key, from its {@code bucket}. */
    String key() {
        return key;
    }

    /** The order of the groups, from their {@code bucket}. */
    String order() {
        return order;
    }

    /** How whole months are read from the monthly totals; none when a group is not made of whole months. */
    Optional<MonthlyTotals> monthlyTotals() {
        return Optional.ofNullable(monthlyTotals);
    }
}
