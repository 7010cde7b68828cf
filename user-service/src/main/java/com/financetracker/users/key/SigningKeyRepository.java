package com.financetracker.users.key;

import com.financetracker.platform.jdbc.AdvisoryLock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SigningKeyRepository {

    /**
     * @param privateKey the private key, wrapped with the key-encryption key {@code wrappedWith}
     * @param wrappedWith the id of the key-encryption key that wrapped it; null when stored unwrapped (before V4)
     */
    record StoredKey(
            String kid, byte[] privateKey, @Nullable String wrappedWith, Instant createdAt) {}

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
                        select kid, private_key, wrapped_with, created_at from signing_keys
                         where retired_at is null order by created_at desc limit 1
                        """).query(SigningKeyRepository::storedKey).optional();
    }

    /** Every key not wrapped with the given key-encryption key: stored unwrapped, or wrapped with another. */
    List<StoredKey> notWrappedWith(String keyEncryptionKeyId) {
        return jdbc.sql("""
                        select kid, private_key, wrapped_with, created_at from signing_keys
                         where wrapped_with is distinct from :kek order by created_at
                        """)
                .param("kek", keyEncryptionKeyId)
                .query(SigningKeyRepository::storedKey)
                .list();
    }

    void replacePrivateKey(String kid, byte[] privateKey, String wrappedWith) {
        jdbc.sql("update signing_keys set private_key = :privateKey, wrapped_with = :kek where kid = :kid")
                .param("kid", kid)
                .param("privateKey", privateKey)
                .param("kek", wrappedWith)
                .update();
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

    void insert(String kid, byte[] privateKey, String wrappedWith, byte[] publicKey) {
        jdbc.sql("""
                        insert into signing_keys (kid, private_key, wrapped_with, public_key)
                        values (:kid, :privateKey, :kek, :publicKey)
                        """)
                .param("kid", kid)
                .param("privateKey", privateKey)
                .param("kek", wrappedWith)
                .param("publicKey", publicKey)
                .update();
    }

    private static StoredKey storedKey(ResultSet rs, int row) throws SQLException {
        return new StoredKey(
                rs.getString("kid"),
                rs.getBytes("private_key"),
                rs.getString("wrapped_with"),
                rs.getTimestamp("created_at").toInstant());
    }

    void retireAllExcept(String kid) {
        jdbc.sql("update signing_keys set retired_at = now() where retired_at is null and kid <> :kid")
                .param("kid", kid)
                .update();
    }
}
