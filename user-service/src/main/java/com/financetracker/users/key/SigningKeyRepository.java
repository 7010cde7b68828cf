package com.financetracker.users.key;

import com.financetracker.platform.jdbc.AdvisoryLock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SigningKeyRepository {

    record StoredKey(String kid, byte[] privateKey, byte[] publicKey, Instant createdAt) {}

    private final JdbcClient jdbc;

    SigningKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serializes key generation between replicas starting at the same time. */
    void lockForGeneration() {
        AdvisoryLock.SIGNING_KEY_GENERATION.lock(jdbc);
    }

    Optional<StoredKey> active() {
        return jdbc.sql("""
                        select kid, private_key, public_key, created_at from signing_keys
                         where retired_at is null order by created_at desc limit 1
                        """)
                .query((rs, n) -> new StoredKey(
                        rs.getString("kid"),
                        rs.getBytes("private_key"),
                        rs.getBytes("public_key"),
                        rs.getTimestamp("created_at").toInstant()))
                .optional();
    }

    /** Public keys of the active key and of keys retired after {@code retiredSince}. */
    List<byte[]> publishedPublicKeys(Instant retiredSince) {
        return jdbc.sql("""
                        select public_key from signing_keys
                         where retired_at is null or retired_at > :since
                         order by created_at desc
                        """)
                .param("since", java.sql.Timestamp.from(retiredSince))
                .query((rs, n) -> rs.getBytes("public_key"))
                .list();
    }

    void insert(String kid, byte[] privateKey, byte[] publicKey) {
        jdbc.sql("insert into signing_keys (kid, private_key, public_key) values (:kid, :privateKey, :publicKey)")
                .param("kid", kid)
                .param("privateKey", privateKey)
                .param("publicKey", publicKey)
                .update();
    }

    void retireAllExcept(String kid) {
        jdbc.sql("update signing_keys set retired_at = now() where retired_at is null and kid <> :kid")
                .param("kid", kid)
                .update();
    }
}
