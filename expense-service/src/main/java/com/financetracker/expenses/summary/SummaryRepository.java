package com.financetracker.expenses.summary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sums a user's expenses per group and currency. Groupings made of whole months (category, month) read the months that
 * lie wholly inside the window from the monthly totals the database keeps ({@code expense_totals} by category,
 * {@code expense_month_totals} by month), and only the days
 * of a month cut by the window from the expenses themselves: a summary of ten years reads a few hundred rows, not the
 * whole history.
 */
@Repository
class SummaryRepository {

    record Row(@Nullable String key, String currency, BigDecimal total, long count) {}

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
            parts.add("select " + totals.bucket() + " as bucket, t.currency, t.total, t.expenses as n from "
                    + totals.table() + " t " + totals.join() + " where " + String.join(" and ", monthConditions));
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
        String sql = "select bucket, currency, sum(total) as total, sum(n) as n from ("
                + String.join(" union all ", parts) + ") as parts"
                + " group by bucket, currency having sum(n) > 0"
                + " order by " + grouping.order() + ", currency";
        return jdbc.sql(sql)
                .params(params)
                // by position: a look-up by name on each row of a ten-year summary cost more than the values
                .query((rs, n) ->
                        new Row(grouping.key().read(rs, 1), rs.getString(2), rs.getBigDecimal(3), rs.getLong(4)))
                .list();
    }

    /** The expenses {@code e} that a condition selects, each with its group, as one expense's total. */
    private static String fromExpenses(SummaryGrouping grouping, String condition) {
        return "select " + grouping.bucket() + " as bucket, e.currency, e.amount as total, 1 as n" + " from expenses e "
                + grouping.join() + " where e.user_id = :user and " + condition;
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
