package com.financetracker.users.account;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    private static final String COLUMNS =
            "id, email, display_name, password_hash, roles, default_currency, disabled, created_at, updated_at";

    private static final RowMapper<User> USER = UserRepository::map;

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<User> findById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from users where id = :id")
                .param("id", id)
                .query(USER)
                .optional();
    }

    Optional<User> findByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from users where email = :email")
                .param("email", email)
                .query(USER)
                .optional();
    }

    boolean anyAdministrator() {
        return jdbc.sql("select exists (select 1 from users where 'ADMIN' = any (roles))")
                .query(Boolean.class)
                .single();
    }

    /** Inserts a user; fails with a duplicate-key error when the email is taken. */
    User insert(String email, String displayName, String passwordHash, Set<Role> roles) {
        return jdbc.sql("insert into users (email, display_name, password_hash, roles)"
                        + " values (:email, :displayName, :passwordHash, :roles) returning " + COLUMNS)
                .param("email", email)
                .param("displayName", displayName)
                .param("passwordHash", passwordHash)
                .param("roles", roleArray(roles))
                .query(USER)
                .single();
    }

    /** Inserts a user unless the email is taken; returns whether it did. */
    boolean insertIfAbsent(String email, String displayName, String passwordHash, Set<Role> roles) {
        return jdbc.sql("""
                        insert into users (email, display_name, password_hash, roles)
                        values (:email, :displayName, :passwordHash, :roles)
                        on conflict (email) do nothing
                        """)
                        .param("email", email)
                        .param("displayName", displayName)
                        .param("passwordHash", passwordHash)
                        .param("roles", roleArray(roles))
                        .update()
                == 1;
    }

    Optional<User> updateProfile(UUID id, String displayName, @Nullable String defaultCurrency) {
        return jdbc.sql("update users set display_name = :displayName, default_currency = :currency,"
                        + " updated_at = now() where id = :id returning " + COLUMNS)
                .param("id", id)
                .param("displayName", displayName)
                .param("currency", defaultCurrency)
                .query(USER)
                .optional();
    }

    void updatePasswordHash(UUID id, String passwordHash) {
        jdbc.sql("update users set password_hash = :hash, updated_at = now() where id = :id")
                .param("id", id)
                .param("hash", passwordHash)
                .update();
    }

    Optional<User> updateAccess(UUID id, Set<Role> roles, boolean disabled) {
        return jdbc.sql("update users set roles = :roles, disabled = :disabled, updated_at = now()"
                        + " where id = :id returning " + COLUMNS)
                .param("id", id)
                .param("roles", roleArray(roles))
                .param("disabled", disabled)
                .query(USER)
                .optional();
    }

    boolean delete(UUID id) {
        return jdbc.sql("delete from users where id = :id").param("id", id).update() == 1;
    }

    /**
     * One page of users in email order, optionally only those whose email or display name contains {@code query}.
     *
     * @param afterEmail the last email of the previous page, or null for the first page
     */
    List<User> page(@Nullable String query, @Nullable String afterEmail, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from users
                        where (cast(:pattern as text) is null
                               or email like :pattern escape '\\'
                               or lower(display_name) like :pattern escape '\\')
                          and (cast(:after as text) is null or email > :after)
                        order by email
                        limit :limit
                        """)
                .param("pattern", query == null ? null : "%" + escapeLike(query.toLowerCase()) + "%")
                .param("after", afterEmail)
                .param("limit", limit)
                .query(USER)
                .list();
    }

    private String[] roleArray(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().toArray(String[]::new);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static User map(ResultSet rs, int row) throws SQLException {
        return new User(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getString("display_name"),
                rs.getString("password_hash"),
                roles(rs.getArray("roles")),
                rs.getString("default_currency"),
                rs.getBoolean("disabled"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static Set<Role> roles(Array array) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream((String[]) array.getArray()).map(Role::valueOf).forEach(roles::add);
        return roles;
    }
}
