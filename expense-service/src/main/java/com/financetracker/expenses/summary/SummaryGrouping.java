package com.financetracker.expenses.summary;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a summary groups expenses by: the SQL expression of the group an expense falls in (its bucket), the order of
 * the groups, and how a group's key is written from its bucket. Dates are grouped as dates and written as keys in
 * Java, once per group. Groupings whose groups are made of whole months (category, month) can also read the monthly
 * totals the database keeps instead of the expenses: by category those per month, category and currency
 * ({@code expense_totals}), by month those per month and currency ({@code expense_month_totals}).
 */
enum SummaryGrouping {
    CATEGORY(
            "category",
            "join categories c on c.id = e.category_id",
            "c.name",
            Key::text,
            Order.BY_NAME,
            new MonthlyTotals("expense_totals", "join categories c on c.id = t.category_id", "c.name", true)),
    MONTH(
            "month",
            "",
            "cast(date_trunc('month', cast(e.expense_date as timestamp)) as date)",
            Key::month,
            Order.BY_DATE,
            new MonthlyTotals("expense_month_totals", "", "t.month", false)),
    WEEK(
            "week",
            "",
            "cast(date_trunc('week', cast(e.expense_date as timestamp)) as date)",
            Key::isoWeek,
            Order.BY_DATE,
            null),
    DAY("day", "", "e.expense_date", Key::day, Order.BY_DATE, null),
    TAG("tag", "left join lateral unnest(e.tags) as t(tag) on true", "t.tag", Key::text, Order.BY_NAME, null);

    /** The orders of groups, from their {@code bucket}. */
    private static final class Order {

        /** Names in alphabetical order whatever their case, none last. */
        static final String BY_NAME = "lower(bucket) nulls last, bucket";

        /** Dates in order of time, which is the order of their keys too: they are written with fixed widths. */
        static final String BY_DATE = "bucket";
    }

    /** How a group's key is written from its bucket, read from a column of the result. */
    @FunctionalInterface
    interface Key {

        @Nullable
        String read(ResultSet result, int column) throws SQLException;

        /** A name as it is (a category's, a tag's), or none. */
        static @Nullable String text(ResultSet result, int column) throws SQLException {
            return result.getString(column);
        }

        /** {@code 2026-11} for the first of a month. */
        static String month(ResultSet result, int column) throws SQLException {
            return YearMonth.from(date(result, column)).toString();
        }

        /** {@code 2026-W47} for the Monday of an ISO week, in the year the week belongs to. */
        static String isoWeek(ResultSet result, int column) throws SQLException {
            LocalDate monday = date(result, column);
            int week = monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            return monday.get(IsoFields.WEEK_BASED_YEAR) + (week < 10 ? "-W0" : "-W") + week;
        }

        /** {@code 2026-11-16}. */
        static String day(ResultSet result, int column) throws SQLException {
            return date(result, column).toString();
        }

        private static LocalDate date(ResultSet result, int column) throws SQLException {
            return Objects.requireNonNull(result.getObject(column, LocalDate.class));
        }
    }

    /**
     * How the groups are read from monthly totals: the table of totals {@code t} (each row a month's total and count
     * of expenses, in a currency, in a slot), what to join to it, the group of a total, and whether a group is made of
     * many rows (a category's months), which the database adds up before sending them, or of a row per slot, sent as
     * they are.
     */
    record MonthlyTotals(String table, String join, String bucket, boolean manyRowsPerGroup) {}

    /** The values of the {@code groupBy} parameter, one for each grouping (a test keeps them in step). */
    static final String PARAMETERS = "category|month|week|day|tag";

    static final String NOT_A_PARAMETER = "must be one of category, month, week, day, tag";

    private final String parameter;
    private final String join;
    private final String bucket;
    private final Key key;
    private final String order;
    private final @Nullable MonthlyTotals monthlyTotals;

    SummaryGrouping(
            String parameter,
            String join,
            String bucket,
            Key key,
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

    /** How the group's key is written from its {@code bucket}. */
    Key key() {
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
