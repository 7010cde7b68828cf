package com.financetracker.expenses.summary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SummaryRepository {

    record Row(@Nullable String key, String currency, BigDecimal total, long count) {}

    private final JdbcClient jdbc;

    SummaryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Row> totals(UUID userId, @Nullable LocalDate from, @Nullable LocalDate to, SummaryGrouping grouping) {
        String sql = "select " + grouping.key() + " as key, currency, total, n from ("
                + " select " + grouping.bucket() + " as bucket, e.currency, sum(e.amount) as total, count(*) as n"
                + " from expenses e " + grouping.join()
                + " where e.user_id = :user"
                + (from == null ? "" : " and e.expense_date >= :from")
                + (to == null ? "" : " and e.expense_date <= :to")
                + " group by 1, 2) as groups"
                + " order by lower(" + grouping.key() + ") nulls last, 1, 2";
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param("user", userId);
        if (from != null) {
            statement.param("from", from);
        }
        if (to != null) {
            statement.param("to", to);
        }
        return statement
                .query((rs, n) -> new Row(
                        rs.getString("key"), rs.getString("currency"), rs.getBigDecimal("total"), rs.getLong("n")))
                .list();
    }
}
