package com.financetracker.expenses.category;

import com.financetracker.contracts.DefaultCategories;
import com.financetracker.expenses.account.UserDataOwner;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

// a purge deletes the categories last: expenses refer to them
@Repository
@Order(3)
class CategoryRepository implements UserDataOwner {

    private static final RowMapper<Category> CATEGORY =
            (rs, n) -> new Category(rs.getObject("id", UUID.class), rs.getString("name"), rs.getLong("expense_count"));

    private final JdbcClient jdbc;

    CategoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The user's categories with how many expenses each has. The database counts them as expenses come, go and move
     * ({@code category_counts}), so the list does not read the user's whole history.
     */
    List<Category> list(UUID userId) {
        return jdbc.sql("""
                        select c.id, c.name, coalesce(sum(n.expenses), 0) as expense_count
                          from categories c left join category_counts n on n.category_id = c.id
                         where c.user_id = :user
                         group by c.id, c.name
                         order by lower(c.name)
                        """).param("user", userId).query(CATEGORY).list();
    }

    Optional<Category> find(UUID userId, UUID id) {
        return jdbc.sql("""
                        select c.id, c.name,
                               (select coalesce(sum(n.expenses), 0) from category_counts n where n.category_id = c.id)
                                   as expense_count
                          from categories c where c.user_id = :user and c.id = :id
                        """)
                .param("user", userId)
                .param("id", id)
                .query(CATEGORY)
                .optional();
    }

    /** Inserts a category; empty when the user already has one of that name. */
    Optional<UUID> insert(UUID userId, String name) {
        return jdbc.sql("""
                        insert into categories (user_id, name) values (:user, :name)
                        on conflict (user_id, lower(name)) do nothing returning id
                        """)
                .param("user", userId)
                .param("name", name)
                .query(UUID.class)
                .optional();
    }

    /**
     * The ids of the named categories (matched whatever their case), creating the ones the user does not have yet.
     *
     * @return ids by lower-cased name
     */
    Map<String, UUID> resolve(UUID userId, Collection<String> names) {
        Map<String, String> wanted = new HashMap<>();
        names.forEach(name -> wanted.putIfAbsent(name.toLowerCase(Locale.ROOT), name));
        Map<String, UUID> ids = existing(userId, wanted);
        if (ids.size() < wanted.size()) {
            List<String> missing = wanted.entrySet().stream()
                    .filter(entry -> !ids.containsKey(entry.getKey()))
                    .map(Map.Entry::getValue)
                    .toList();
            insertMissing(userId, missing);
            ids.putAll(existing(userId, wanted));
        }
        return ids;
    }

    /** A new user starts with the default categories. */
    @Override
    public void open(UUID userId) {
        insertMissing(userId, DefaultCategories.NAMES);
    }

    @Override
    public Map<String, Integer> deleteAll(UUID userId) {
        int deleted = jdbc.sql("delete from categories where user_id = :user")
                .param("user", userId)
                .update();
        return Map.of("categories", deleted);
    }

    /** Inserts the named categories the user does not have yet, whatever their case. */
    private void insertMissing(UUID userId, List<String> names) {
        jdbc.sql("""
                        insert into categories (user_id, name)
                        select :user, name from unnest(cast(:names as text[])) as name
                        on conflict (user_id, lower(name)) do nothing
                        """)
                .param("user", userId)
                .param("names", names.toArray(String[]::new))
                .update();
    }

    /**
     * The ids of the categories the names match, by the key each name was given. Names are compared with the
     * database's lower(), as the unique index does: Java's lower case differs from it for some letters ('İ', a final
     * 'Σ'), and a name the index holds but this lookup missed left its expense without a category (a 500).
     */
    private Map<String, UUID> existing(UUID userId, Map<String, String> namesByKey) {
        List<String> keys = List.copyOf(namesByKey.keySet());
        Map<String, UUID> ids = new HashMap<>();
        jdbc.sql("""
                        select wanted.key, c.id
                          from unnest(cast(:keys as text[]), cast(:names as text[])) as wanted(key, name)
                          join categories c on c.user_id = :user and lower(c.name) = lower(wanted.name)
                        """)
                .param("user", userId)
                .param("keys", keys.toArray(String[]::new))
                .param("names", keys.stream().map(namesByKey::get).toArray(String[]::new))
                .query((rs, n) -> ids.put(rs.getString("key"), rs.getObject("id", UUID.class)))
                .list();
        return ids;
    }

    /** Renames; false when another category of the user already has the name. */
    boolean rename(UUID userId, UUID id, String name) {
        Boolean taken = jdbc.sql("""
                        select exists (select 1 from categories
                                        where user_id = :user and lower(name) = lower(:name) and id <> :id)
                        """)
                .param("user", userId)
                .param("name", name)
                .param("id", id)
                .query(Boolean.class)
                .single();
        if (taken) {
            return false;
        }
        jdbc.sql("update categories set name = :name where id = :id and user_id = :user")
                .param("user", userId)
                .param("id", id)
                .param("name", name)
                .update();
        // the expenses' representation shows the category's name, so their versions (ETags) change with it
        jdbc.sql("update expenses set version = version + 1, updated_at = now() where category_id = :id")
                .param("id", id)
                .update();
        return true;
    }

    long countExpenses(UUID id) {
        return jdbc.sql("select coalesce(sum(expenses), 0) from category_counts where category_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    void reassignExpenses(UUID from, UUID to) {
        jdbc.sql("""
                        update expenses set category_id = :to, version = version + 1, updated_at = now()
                         where category_id = :from
                        """).param("from", from).param("to", to).update();
    }

    void delete(UUID userId, UUID id) {
        jdbc.sql("delete from categories where id = :id and user_id = :user")
                .param("user", userId)
                .param("id", id)
                .update();
    }

    /** Locks the category row until the transaction ends, so concurrent changes to it queue up. */
    boolean lock(UUID userId, UUID id) {
        return jdbc.sql("select 1 from categories where id = :id and user_id = :user for update")
                .param("user", userId)
                .param("id", id)
                .query(Integer.class)
                .optional()
                .isPresent();
    }
}
