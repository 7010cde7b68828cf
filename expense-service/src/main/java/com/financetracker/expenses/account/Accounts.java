package com.financetracker.expenses.account;

import com.financetracker.platform.jdbc.AdvisoryLock;
import com.financetracker.platform.web.ProblemException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private final JdbcClient jdbc;
    private final List<UserDataOwner> owners;

    Accounts(JdbcClient jdbc, List<UserDataOwner> owners) {
        this.jdbc = jdbc;
        this.owners = owners;
    }

    /**
     * Makes sure the user's account exists with what a user starts with (the default categories), inside the caller's
     * transaction; refuses a closed account. The write holds the user's lock in shared mode until it commits and a purge takes it
     * exclusively, so a purge waits for the writes under way, and later writes wait for the purge and then find the
     * account closed: none can leave data behind a purge. The lock is a PostgreSQL advisory lock, held in memory:
     * unlike a row lock it writes nothing to the table on every request.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void ensureOpen(UUID userId) {
        AdvisoryLock.EXPENSE_ACCOUNT.lockShared(jdbc, userId);
        // a statement of its own, so it reads what a purge that held the lock committed
        Optional<Boolean> closed = isClosed(userId);
        if (closed.isEmpty()) {
            int created = jdbc.sql("insert into accounts (user_id) values (:user) on conflict (user_id) do nothing")
                    .param("user", userId)
                    .update();
            if (created == 1) {
                owners.forEach(owner -> owner.open(userId));
                return;
            }
            // another request created the account meanwhile
            closed = isClosed(userId);
        }
        if (closed.orElseThrow()) {
            throw new AccountClosedException();
        }
    }

    /** Closes the account and has every feature delete what the user had there, in order. */
    @Transactional(propagation = Propagation.MANDATORY)
    public PurgeResult purge(UUID userId) {
        // waits for the writes under way (see ensureOpen) and holds later ones back until the purge has committed
        AdvisoryLock.EXPENSE_ACCOUNT.lock(jdbc, userId);
        jdbc.sql("""
                        insert into accounts (user_id, closed_at) values (:user, now())
                        on conflict (user_id) do update set closed_at = now()
                        """).param("user", userId).update();
        Map<String, Integer> deleted = new LinkedHashMap<>();
        owners.forEach(owner -> deleted.putAll(owner.deleteAll(userId)));
        return new PurgeResult(deleted);
    }

    /** Whether the account is closed; empty when there is none. */
    private Optional<Boolean> isClosed(UUID userId) {
        return jdbc.sql("select closed_at is not null from accounts where user_id = :user")
                .param("user", userId)
                .query(Boolean.class)
                .optional();
    }

    /**
     * What a purge removed.
     *
     * @param deleted how many rows went, by table
     */
    public record PurgeResult(Map<String, Integer> deleted) {

        public PurgeResult {
            deleted = Collections.unmodifiableMap(new LinkedHashMap<>(deleted));
        }

        public int expenses() {
            return deleted.getOrDefault("expenses", 0);
        }

        public int categories() {
            return deleted.getOrDefault("categories", 0);
        }

        public int idempotencyKeys() {
            return deleted.getOrDefault("idempotency_keys", 0);
        }
    }

    /** The user was deleted; their token may still be valid but the account takes no more data. */
    static final class AccountClosedException extends ProblemException {
        AccountClosedException() {
            super(HttpStatus.FORBIDDEN, "account-closed", "Account closed", "This account has been deleted");
        }
    }
}
