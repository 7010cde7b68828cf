package com.financetracker.expenses.expense;

import com.financetracker.expenses.account.UserDataOwner;
import com.financetracker.platform.jdbc.AdvisoryLock;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

// a purge deletes the expenses before the categories they are in
@Repository
@Order(2)
class ExpenseRepository implements UserDataOwner {

    private static final String COLUMNS = "e.id, e.user_id, e.amount, e.currency, c.name as category, e.description,"
            + " e.expense_date, e.tags, e.created_at, e.updated_at, e.version";
    private static final String SELECT =
            "select " + COLUMNS + " from expenses e join categories c on c.id = e.category_id";
    private static final RowMapper<Expense> EXPENSE = ExpenseRepository::map;

    private final JdbcClient jdbc;

    ExpenseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Expense> find(UUID userId, UUID id) {
        return jdbc.sql(SELECT + " where e.user_id = :user and e.id = :id")
                .param("user", userId)
                .param("id", id)
                .query(EXPENSE)
                .optional();
    }

    Expense insert(UUID userId, ExpenseDraft draft, UUID categoryId) {
        return jdbc.sql("""
                        with e as (
                            insert into expenses (user_id, amount, currency, category_id, description, expense_date,
                                                  tags, fingerprint)
                            values (:user, :amount, :currency, :category, :description, :date, :tags, :fingerprint)
                            returning *)
                        """ + "select " + COLUMNS + " from e join categories c on c.id = e.category_id")
                .param("user", userId)
                .param("amount", draft.amount())
                .param("currency", draft.currency())
                .param("category", categoryId)
                .param("description", draft.description())
                .param("date", draft.date())
                .param("tags", draft.tags().toArray(String[]::new))
                .param("fingerprint", draft.fingerprint())
                .query(EXPENSE)
                .single();
    }

    /**
     * Replaces an expense's content and bumps its version, if its version is still {@code expectedVersion} (any
     * version when null); empty when there is no such expense or the version moved on.
     */
    Optional<Expense> update(
            UUID userId, UUID id, ExpenseDraft draft, UUID categoryId, @Nullable Integer expectedVersion) {
        return jdbc.sql("""
                        with e as (
                            update expenses
                               set amount = :amount, currency = :currency, category_id = :category,
                                   description = :description, expense_date = :date, tags = :tags,
                                   fingerprint = :fingerprint, updated_at = now(), version = version + 1
                             where user_id = :user and id = :id
                               and (cast(:expected as integer) is null or version = :expected)
                            returning *)
                        """ + "select " + COLUMNS + " from e join categories c on c.id = e.category_id")
                .param("user", userId)
                .param("id", id)
                .param("expected", expectedVersion)
                .param("amount", draft.amount())
                .param("currency", draft.currency())
                .param("category", categoryId)
                .param("description", draft.description())
                .param("date", draft.date())
                .param("tags", draft.tags().toArray(String[]::new))
                .param("fingerprint", draft.fingerprint())
                .query(EXPENSE)
                .optional();
    }

    /** Deletes the expense if its version is still {@code expectedVersion} (any when null); the deleted version. */
    Optional<Integer> delete(UUID userId, UUID id, @Nullable Integer expectedVersion) {
        return jdbc.sql("""
                        delete from expenses where user_id = :user and id = :id
                           and (cast(:expected as integer) is null or version = :expected)
                        returning version
                        """)
                .param("user", userId)
                .param("id", id)
                .param("expected", expectedVersion)
                .query(Integer.class)
                .optional();
    }

    /** Every person's expenses after the given id (from the first when null), in id order. */
    List<Expense> allAfter(@Nullable UUID after, int limit) {
        return jdbc.sql(SELECT + " where cast(:after as uuid) is null or e.id > :after order by e.id limit :limit")
                .param("after", after)
                .param("limit", limit)
                .query(EXPENSE)
                .list();
    }

    /** One page of the filtered list in the given order, starting after the cursor's row. */
    List<Expense> page(UUID userId, ExpenseFilter filter, ExpenseSort sort, @Nullable Cursor cursor, int limit) {
        Where where = Where.of(userId, filter);
        String sql = SELECT + " where " + where.sql() + (cursor == null ? "" : " and " + sort.after()) + " order by "
                + sort.orderBy() + " limit :limit";
        JdbcClient.StatementSpec statement =
                jdbc.sql(sql).params(where.params()).param("limit", limit);
        if (cursor != null) {
            statement.param("cursorValue", cursor.sortValue()).param("cursorId", cursor.id());
        }
        return statement.query(EXPENSE).list();
    }

    /**
     * How many expenses the filter selects. All of a user's expenses are counted by the database as they come and go
     * ({@code expense_counts}), so the unfiltered total does not read the user's whole history.
     */
    long count(UUID userId, ExpenseFilter filter) {
        if (filter.selectsAll()) {
            return jdbc.sql("select coalesce(sum(expenses), 0) from expense_counts where user_id = :user")
                    .param("user", userId)
                    .query(Long.class)
                    .single();
        }
        Where where = Where.of(userId, filter);
        return jdbc.sql("select count(*) from expenses e where " + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
    }

    @Override
    public Map<String, Integer> deleteAll(UUID userId) {
        int expenses = jdbc.sql("delete from expenses where user_id = :user")
                .param("user", userId)
                .update();
        // the triggers have just counted and totalled the deletions down to zero
        int counts = jdbc.sql("delete from expense_counts where user_id = :user")
                .param("user", userId)
                .update();
        int totals = jdbc.sql("delete from expense_totals where user_id = :user")
                .param("user", userId)
                .update();
        int monthTotals = jdbc.sql("delete from expense_month_totals where user_id = :user")
                .param("user", userId)
                .update();
        return Map.of(
                "expenses",
                expenses,
                "expense_counts",
                counts,
                "expense_totals",
                totals,
                "expense_month_totals",
                monthTotals);
    }

    /** Serializes imports of one user, so two concurrent imports of the same file cannot both add it. */
    void lockForImport(UUID userId) {
        AdvisoryLock.EXPENSE_IMPORT.lock(jdbc, userId);
    }

    /**
     * Opens the staging table of an import, private to this transaction and gone at its end: the file's valid rows go
     * there as they are read, so an import of any size holds only a batch of rows in memory.
     */
    void createImportStage() {
        jdbc.sql("""
                        create temporary table import_rows (
                            position     integer primary key,
                            amount       numeric not null,
                            currency     text    not null,
                            category     text    not null,
                            category_id  uuid,
                            description  text,
                            expense_date date    not null,
                            tags         text[]  not null,
                            fingerprint  bytea   not null
                        ) on commit drop
                        """).update();
    }

    /** Adds rows to the staging table, numbered from {@code firstPosition} in the order of the drafts. */
    void stage(int firstPosition, List<ExpenseDraft> drafts) {
        List<String> amounts = new ArrayList<>();
        List<String> currencies = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        List<@Nullable String> descriptions = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        List<byte[]> fingerprints = new ArrayList<>();
        for (ExpenseDraft draft : drafts) {
            amounts.add(draft.amount().toPlainString());
            currencies.add(draft.currency());
            categories.add(draft.category());
            descriptions.add(draft.description());
            dates.add(draft.date().toString());
            // text[][] cannot be ragged, so each row's tags travel as one text value and are split back here
            tags.add(String.join("\u001f", draft.tags()));
            fingerprints.add(draft.fingerprint());
        }
        jdbc.sql("""
                        insert into import_rows (position, amount, currency, category, description, expense_date, tags,
                                                 fingerprint)
                        select :first + t.n - 1, amount, currency, category, description, expense_date,
                               case when tags = '' then '{}'::text[] else string_to_array(tags, chr(31)) end,
                               fingerprint
                          from unnest(cast(:amounts as numeric[]), cast(:currencies as text[]),
                                      cast(:categories as text[]), cast(:descriptions as text[]),
                                      cast(:dates as date[]), cast(:tags as text[]), cast(:fingerprints as bytea[]))
                               with ordinality
                               as t(amount, currency, category, description, expense_date, tags, fingerprint, n)
                        """)
                .param("first", firstPosition)
                .param("amounts", amounts.toArray(String[]::new))
                .param("currencies", currencies.toArray(String[]::new))
                .param("categories", categories.toArray(String[]::new))
                .param("descriptions", descriptions.toArray(String[]::new))
                .param("dates", dates.toArray(String[]::new))
                .param("tags", tags.toArray(String[]::new))
                .param("fingerprints", fingerprints.toArray(byte[][]::new))
                .update();
    }

    /**
     * Takes out of the staging table the rows the user already has, and says how many: an expense with the same
     * content counts as already there as many times as the user has it, so the n-th staged copy of an expense is
     * already there when the user has at least n.
     */
    int unstageDuplicates(UUID userId) {
        // a temporary table is never analyzed on its own; without statistics the join below is planned blind
        jdbc.sql("analyze import_rows").update();
        return jdbc.sql("""
                        with existing as (
                            select e.fingerprint, count(*) as n from expenses e
                             where e.user_id = :user and e.fingerprint in (select fingerprint from import_rows)
                             group by e.fingerprint),
                        ranked as (
                            select position, fingerprint,
                                   row_number() over (partition by fingerprint order by position) as nth
                              from import_rows)
                        delete from import_rows r
                         using ranked k join existing x on x.fingerprint = k.fingerprint
                         where r.position = k.position and k.nth <= x.n
                        """).param("user", userId).update();
    }

    /** The category names of the staged rows, as written in the file. */
    List<String> stagedCategories() {
        return jdbc.sql("select distinct category from import_rows")
                .query(String.class)
                .list();
    }

    /** Puts each staged row in its category, given the category's id for each name as written in the file. */
    void assignStagedCategories(Map<String, UUID> idsByName) {
        jdbc.sql("""
                        update import_rows r set category_id = k.id
                          from unnest(cast(:names as text[]), cast(:ids as uuid[])) as k(name, id)
                         where r.category = k.name
                        """)
                .param("names", idsByName.keySet().toArray(String[]::new))
                .param("ids", idsByName.values().toArray(UUID[]::new))
                .update();
    }

    /**
     * Moves up to {@code max} staged rows, first in the file first, into the user's expenses; the stored expenses in
     * the order of the file, none when every staged row is stored.
     */
    List<Expense> storeStaged(UUID userId, int max) {
        return jdbc.sql("""
                        with chunk as (
                            delete from import_rows
                             where position in (select position from import_rows order by position limit :max)
                            returning *),
                        e as (
                            insert into expenses (user_id, amount, currency, category_id, description, expense_date,
                                                  tags, fingerprint)
                            select :user, amount, currency, category_id, description, expense_date, tags, fingerprint
                              from chunk order by position
                            returning *)
                        """ + "select " + COLUMNS + " from e join categories c on c.id = e.category_id order by e.id")
                .param("user", userId)
                .param("max", max)
                .query(EXPENSE)
                .list();
    }

    /**
     * The condition (on {@code expenses e}) selecting the user's expenses a filter covers, and the values it binds:
     * every value is a parameter, never part of the SQL.
     */
    private record Where(String sql, Map<String, Object> params) {

        static Where of(UUID userId, ExpenseFilter filter) {
            StringBuilder sql = new StringBuilder("e.user_id = :user");
            Map<String, Object> params = new HashMap<>();
            params.put("user", userId);
            if (filter.from() != null) {
                sql.append(" and e.expense_date >= :from");
                params.put("from", filter.from());
            }
            if (filter.to() != null) {
                sql.append(" and e.expense_date <= :to");
                params.put("to", filter.to());
            }
            if (!filter.categories().isEmpty()) {
                // lower-cased by the database, as category names are matched everywhere
                sql.append(
                        " and e.category_id in (select c.id from categories c where c.user_id = :user"
                                + " and lower(c.name) in (select lower(name) from unnest(cast(:categories as text[])) as name))");
                params.put(
                        "categories",
                        filter.categories().stream().map(String::strip).toArray(String[]::new));
            }
            if (!filter.tags().isEmpty()) {
                sql.append(" and e.tags && cast(:tags as text[])");
                params.put("tags", filter.tags().stream().map(String::strip).toArray(String[]::new));
            }
            if (filter.currency() != null) {
                sql.append(" and e.currency = :currency");
                params.put("currency", filter.currency().toUpperCase(Locale.ROOT));
            }
            if (filter.minAmount() != null) {
                sql.append(" and e.amount >= :minAmount");
                params.put("minAmount", filter.minAmount());
            }
            if (filter.maxAmount() != null) {
                sql.append(" and e.amount <= :maxAmount");
                params.put("maxAmount", filter.maxAmount());
            }
            if (filter.text() != null) {
                sql.append(" and e.description ilike :text escape '\\'");
                params.put(
                        "text",
                        "%"
                                + filter.text()
                                        .replace("\\", "\\\\")
                                        .replace("%", "\\%")
                                        .replace("_", "\\_") + "%");
            }
            return new Where(sql.toString(), params);
        }
    }

    private static Expense map(ResultSet rs, int row) throws SQLException {
        return new Expense(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getBigDecimal("amount"),
                rs.getString("currency"),
                rs.getString("category"),
                rs.getString("description"),
                rs.getObject("expense_date", LocalDate.class),
                tags(rs.getArray("tags")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getInt("version"));
    }

    private static List<String> tags(Array array) throws SQLException {
        return List.copyOf(Arrays.asList((String[]) array.getArray()));
    }
}
