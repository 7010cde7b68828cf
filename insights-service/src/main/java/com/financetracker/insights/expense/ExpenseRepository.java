package com.financetracker.insights.expense;

import com.financetracker.contracts.ExpenseChanged;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The copies of the expenses, their tombstones, and the people whose labelled expenses changed. */
@Repository
class ExpenseRepository {

    private static final String COLUMNS = "id, description, amount, currency, expense_date, category, recorded_at";
    private static final RowMapper<KnownExpense> EXPENSE = ExpenseRepository::map;

    private final JdbcClient jdbc;

    ExpenseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores an expense as it is after a change, unless this copy already holds that version or a later one (a
     * redelivered or replayed change, or one the deletion overtook); whether it was stored.
     */
    boolean store(ExpenseChanged expense) {
        return jdbc.sql("""
                        insert into expenses (id, user_id, version, description, amount, currency, expense_date,
                                              category)
                        select :id, :user, :version, :description, :amount, :currency, :date, :category
                         where not exists (select 1 from closed_accounts where user_id = :user)
                        on conflict (id) do update
                           set version = excluded.version, description = excluded.description,
                               amount = excluded.amount, currency = excluded.currency,
                               expense_date = excluded.expense_date, category = excluded.category, deleted = false,
                               recorded_at = clock_timestamp()
                         where expenses.version < excluded.version and expenses.user_id = excluded.user_id
                        """)
                        .param("id", expense.expenseId())
                        .param("user", expense.userId())
                        .param("version", expense.version())
                        .param("description", expense.description())
                        .param("amount", expense.amount())
                        .param("currency", expense.currency())
                        .param("date", expense.date())
                        .param("category", expense.category())
                        .update()
                == 1;
    }

    /** Leaves a tombstone in place of the expense, at the version its deletion gave it; whether anything changed. */
    boolean delete(UUID userId, UUID id, int version) {
        return jdbc.sql("""
                        insert into expenses (id, user_id, version, deleted)
                        select :id, :user, :version, true
                         where not exists (select 1 from closed_accounts where user_id = :user)
                        on conflict (id) do update
                           set version = excluded.version, deleted = true, description = null, amount = null,
                               currency = null, expense_date = null, category = null, recorded_at = clock_timestamp()
                         where expenses.version < excluded.version and expenses.user_id = excluded.user_id
                        """)
                        .param("id", id)
                        .param("user", userId)
                        .param("version", version)
                        .update()
                == 1;
    }

    /** Moves a person's expenses from one category name to another (names match whatever their case). */
    int recategorize(UUID userId, String from, String to, boolean newVersion) {
        return jdbc.sql("""
                        update expenses
                           set category = :to, recorded_at = clock_timestamp(),
                               version = version + case when :newVersion then 1 else 0 end
                         where user_id = :user and not deleted and lower(category) = lower(:from)
                        """)
                .param("user", userId)
                .param("from", from)
                .param("to", to)
                .param("newVersion", newVersion)
                .update();
    }

    /** Records that a person's labelled expenses changed, so their model is trained again. */
    void markChanged(UUID userId) {
        jdbc.sql("""
                        insert into retrain_queue (user_id) values (:user)
                        on conflict (user_id) do update set changed_at = clock_timestamp()
                        """).param("user", userId).update();
    }

    /** The people whose labelled expenses changed, longest waiting first, with when they last changed. */
    List<ChangedPerson> changedPeople(int limit) {
        return jdbc.sql("select user_id, changed_at from retrain_queue order by changed_at limit :limit")
                .param("limit", limit)
                .query((rs, row) -> new ChangedPerson(
                        rs.getObject("user_id", UUID.class),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    /** Takes a person off the queue, unless their expenses changed again after {@code changedAt}. */
    void unmarkChanged(UUID userId, Instant changedAt) {
        jdbc.sql("delete from retrain_queue where user_id = :user and changed_at <= :changedAt")
                .param("user", userId)
                .param("changedAt", Timestamp.from(changedAt))
                .update();
    }

    List<KnownExpense> all(UUID userId) {
        return jdbc.sql("select " + COLUMNS
                        + " from expenses where user_id = :user and not deleted order by recorded_at")
                .param("user", userId)
                .query(EXPENSE)
                .list();
    }

    List<KnownExpense> recordedAfter(UUID userId, Instant after, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from expenses where user_id = :user and not deleted and recorded_at > :after
                         order by recorded_at desc limit :limit
                        """)
                .param("user", userId)
                .param("after", Timestamp.from(after))
                .param("limit", limit)
                .query(EXPENSE)
                .list()
                .reversed();
    }

    List<KnownExpense> between(UUID userId, LocalDate from, LocalDate to) {
        return jdbc.sql("select " + COLUMNS + """
                         from expenses where user_id = :user and not deleted
                          and expense_date between :from and :to
                         order by expense_date, id
                        """)
                .param("user", userId)
                .param("from", from)
                .param("to", to)
                .query(EXPENSE)
                .list();
    }

    /** Removes tombstones older than the given instant; a rebuild running at the time keeps them. */
    int forgetDeletedBefore(Instant before) {
        return jdbc.sql("""
                        delete from expenses where deleted and recorded_at < :before
                           and not exists (select 1 from rebuild where completed_at is null)
                        """).param("before", Timestamp.from(before)).update();
    }

    /** Deletes everything about a person and ignores what arrives about them later. */
    int purge(UUID userId) {
        jdbc.sql("insert into closed_accounts (user_id) values (:user) on conflict do nothing")
                .param("user", userId)
                .update();
        jdbc.sql("delete from retrain_queue where user_id = :user")
                .param("user", userId)
                .update();
        return jdbc.sql("delete from expenses where user_id = :user")
                .param("user", userId)
                .update();
    }

    record ChangedPerson(UUID userId, Instant changedAt) {}

    private static KnownExpense map(ResultSet rs, int row) throws SQLException {
        return new KnownExpense(
                rs.getObject("id", UUID.class),
                rs.getString("description"),
                rs.getBigDecimal("amount"),
                rs.getString("currency"),
                rs.getObject("expense_date", LocalDate.class),
                rs.getString("category"),
                rs.getTimestamp("recorded_at").toInstant());
    }
}
