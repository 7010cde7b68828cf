package com.financetracker.expenses.account;

import com.financetracker.platform.web.ProblemException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users this service has seen. A user gets the default categories the first time they use the service, and a
 * user deleted through the user service has all their data purged and their account closed here: later writes with a
 * still-valid access token are refused instead of leaving data nobody owns.
 */
@Service
public class Accounts {

    /** The categories every user starts with. */
    public static final List<String> DEFAULT_CATEGORIES = List.of(
            "Food",
            "Transport",
            "Housing",
            "Utilities",
            "Health",
            "Entertainment",
            "Shopping",
            "Travel",
            "Education",
            "Other");

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Makes sure the user's account exists with its default categories, inside the caller's transaction; refuses a
     * closed account.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void ensureOpen(UUID userId) {
        List<Boolean> closed = jdbc.sql("select closed_at is not null from accounts where user_id = :user")
                .param("user", userId)
                .query(Boolean.class)
                .list();
        if (!closed.isEmpty()) {
            if (closed.getFirst()) {
                throw new AccountClosedException();
            }
            return;
        }
        int created = jdbc.sql("insert into accounts (user_id) values (:user) on conflict (user_id) do nothing")
                .param("user", userId)
                .update();
        if (created == 1) {
            jdbc.sql("""
                            insert into categories (user_id, name)
                            select :user, name from unnest(cast(:names as text[])) as name
                            on conflict (user_id, lower(name)) do nothing
                            """)
                    .param("user", userId)
                    .param("names", DEFAULT_CATEGORIES.toArray(String[]::new))
                    .update();
        }
    }

    /** Removes everything the user had here and closes the account. */
    @Transactional(propagation = Propagation.MANDATORY)
    public PurgeResult purge(UUID userId) {
        int idempotencyKeys = jdbc.sql("delete from idempotency_keys where user_id = :user")
                .param("user", userId)
                .update();
        int expenses = jdbc.sql("delete from expenses where user_id = :user")
                .param("user", userId)
                .update();
        int categories = jdbc.sql("delete from categories where user_id = :user")
                .param("user", userId)
                .update();
        jdbc.sql("""
                        insert into accounts (user_id, closed_at) values (:user, now())
                        on conflict (user_id) do update set closed_at = now()
                        """).param("user", userId).update();
        return new PurgeResult(expenses, categories, idempotencyKeys);
    }

    /** What a purge removed. */
    public record PurgeResult(int expenses, int categories, int idempotencyKeys) {}

    /** The user was deleted; their token may still be valid but the account takes no more data. */
    static final class AccountClosedException extends ProblemException {
        AccountClosedException() {
            super(HttpStatus.FORBIDDEN, "account-closed", "Account closed", "This account has been deleted");
        }
    }
}
