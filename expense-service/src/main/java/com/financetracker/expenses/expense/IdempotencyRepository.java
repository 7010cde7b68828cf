package com.financetracker.expenses.expense;

import com.financetracker.expenses.account.UserDataOwner;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

// a purge deletes the idempotency keys first, then the expenses, then their categories
@Repository
@Order(1)
class IdempotencyRepository implements UserDataOwner {

    record StoredAnswer(byte[] requestHash, String response) {}

    private final JdbcClient jdbc;

    IdempotencyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the key for this request. A concurrent request with the same key waits here until the first one
     * commits, then finds the key taken.
     *
     * @return whether this request is the first with the key
     */
    boolean claim(UUID userId, String key, byte[] requestHash) {
        return jdbc.sql("""
                                insert into idempotency_keys (user_id, key, request_hash) values (:user, :key, :hash)
                                on conflict (user_id, key) do nothing
                                """)
                        .param("user", userId)
                        .param("key", key)
                        .param("hash", requestHash)
                        .update()
                == 1;
    }

    void complete(UUID userId, String key, UUID expenseId, String response) {
        jdbc.sql("""
                        update idempotency_keys set expense_id = :expense, response = cast(:response as jsonb)
                         where user_id = :user and key = :key
                        """)
                .param("user", userId)
                .param("key", key)
                .param("expense", expenseId)
                .param("response", response)
                .update();
    }

    Optional<StoredAnswer> find(UUID userId, String key) {
        return jdbc.sql(
                        "select request_hash, response::text from idempotency_keys where user_id = :user and key = :key")
                .param("user", userId)
                .param("key", key)
                .query((rs, n) -> new StoredAnswer(rs.getBytes("request_hash"), rs.getString("response")))
                .optional();
    }

    @Override
    public Map<String, Integer> deleteAll(UUID userId) {
        int deleted = jdbc.sql("delete from idempotency_keys where user_id = :user")
                .param("user", userId)
                .update();
        return Map.of("idempotency_keys", deleted);
    }

    int deleteCreatedBefore(Instant cutoff) {
        return jdbc.sql("delete from idempotency_keys where created_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff))
                .update();
    }
}
