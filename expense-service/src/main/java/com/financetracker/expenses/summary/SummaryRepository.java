package com.financetracker.expenses.summary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sums a user's expenses per group and currency. Groupings made of whole months (category, month) read the months that
 * lie wholly inside the window from the monthly totals the database keeps ({@code expense_totals} by category,
 * {@code expense_month_totals} by month), and only the days of a month cut by the window from the expenses themselves:
 * a summary of ten years reads a few hundred rows, not the whole history. The last additions, of rows already in the
 * order of their groups, are made here rather than in the database, which the service's instances share.
 */
@Repository
class SummaryRepository {

    record Row(@Nullable String key, String currency, BigDecimal total, long count) {

        boolean sameGroupAs(Row other) {
            return Objects.equals(key, other.key) && currency.equals(other.currency);
        }

        Row plus(Row other) {
            return new Row(key, currency, total.add(other.total), count + other.count);
        }
    }

    private final JdbcClient jdbc;

    SummaryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Row> totals(UUID userId, @Nullable LocalDate from, @Nullable LocalDate to, SummaryGrouping grouping) {
        Map<String, Object> params = new HashMap<>();
        params.put("user", userId);
        List<String> parts = new ArrayList<>();
        WholeMonths months = grouping.monthlyTotals().isPresent() ? WholeMonths.within(from, to) : null;
        if (months == null) {
            parts.add(fromExpenses(grouping, window(params, "from", from, "to", to == null ? null : to.plusDays(1))));
        } else {
            SummaryGrouping.MonthlyTotals totals = grouping.monthlyTotals().orElseThrow();
            List<String> monthConditions = new ArrayList<>(List.of("t.user_id = :user"));
            if (months.first() != null) {
                monthConditions.add("t.month >= :monthsFrom");
                params.put("monthsFrom", months.first());
            }
            if (months.end() != null) {
                monthConditions.add("t.month < :monthsTo");
                params.put("monthsTo", months.end());
            }
            String where = " where " + String.join(" and ", monthConditions);
            parts.add(
                    totals.manyRowsPerGroup()
                            ? "select " + totals.bucket() + " as bucket, t.currency, sum(t.total) as total,"
                                    + " sum(t.expenses) as n from " + totals.table() + " t " + totals.join() + where
                                    + " group by 1, 2"
                            : "select " + totals.bucket() + " as bucket, t.currency, t.total, t.expenses as n from "
                                    + totals.table() + " t " + totals.join() + where);
            List<String> edges = new ArrayList<>();
            if (from != null && months.first() != null && months.first().isAfter(from)) {
                edges.add(window(params, "from", from, "monthsFrom", months.first()));
            }
            if (to != null && months.end() != null && !months.end().isAfter(to)) {
                edges.add(window(params, "monthsTo", months.end(), "to", to.plusDays(1)));
            }
            if (!edges.isEmpty()) {
                parts.add(fromExpenses(grouping, "(" + String.join(" or ", edges) + ")"));
            }
        }
        String sql = "select bucket, currency, total, n from (" + String.join(" union all ", parts) + ") as parts"
                + " order by " + grouping.order() + ", currency";
        return addedUp(jdbc.sql(sql)
                .params(params)
                // by position: a look-up by name on each row of a ten-year summary cost more than the values
                .query((rs, n) ->
                        new Row(grouping.key().read(rs, 1), rs.getString(2), rs.getBigDecimal(3), rs.getLong(4)))
                .list());
    }

    /** The groups of the expenses {@code e} that a condition selects. */
    private static String fromExpenses(SummaryGrouping grouping, String condition) {
        return "select " + grouping.bucket() + " as bucket, e.currency, sum(e.amount) as total, count(*) as n"
                + " from expenses e " + grouping.join() + " where e.user_id = :user and " + condition
                + " group by 1, 2";
    }

    /**
     * Rows in the order of their groups, the rows of a group and currency next to each other (the slots of its totals,
     * its whole months and its cut ones), added up; groups left without expenses are left out.
     */
    private static List<Row> addedUp(List<Row> rows) {
        List<Row> groups = new ArrayList<>(rows.size());
        @Nullable Row group = null;
        for (Row row : rows) {
            if (group != null && group.sameGroupAs(row)) {
                group = group.plus(row);
            } else {
                addIfAny(groups, group);
                group = row;
            }
        }
        addIfAny(groups, group);
        return groups;
    }

    private static void addIfAny(List<Row> groups, @Nullable Row group) {
        if (group != null && group.count() > 0) {
            groups.add(group);
        }
    }

    /** The condition on {@code e.expense_date} of a window from a day to before a day, its ends bound by the names. */
    private static String window(
            Map<String, Object> params,
            String fromName,
            @Nullable LocalDate from,
            String untilName,
            @Nullable LocalDate until) {
        List<String> conditions = new ArrayList<>();
        if (from != null) {
            conditions.add("e.expense_date >= :" + fromName);
            params.put(fromName, from);
        }
        if (until != null) {
            conditions.add("e.expense_date < :" + untilName);
            params.put(untilName, until);
        }
        return conditions.isEmpty() ? "true" : "(" + String.join(" and ", conditions) + ")";
    }

    /**
     * The months that lie wholly inside a window: from {@code first} (a first of the month; none: from the beginning)
     * to before {@code end} (a first of the month; none: to the end).
     */
    private record WholeMonths(
            @Nullable LocalDate first, @Nullable LocalDate end) {

        /** The whole months of a window, or null when it holds none. */
        static @Nullable WholeMonths within(@Nullable LocalDate from, @Nullable LocalDate to) {
            LocalDate first = from == null || from.getDayOfMonth() == 1
                    ? from
                    : from.with(TemporalAdjusters.firstDayOfNextMonth());
            LocalDate end = to == null || to.equals(to.with(TemporalAdjusters.lastDayOfMonth()))
                    ? (to == null ? null : to.plusDays(1))
                    : to.withDayOfMonth(1);
            return first != null && end != null && !first.isBefore(end) ? null : new WholeMonths(first, end);
        }
    }
}
