package com.financetracker.users.token;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RefreshTokenRepository {

    record StoredToken(
            UUID id,
            UUID familyId,
            UUID userId,
            Instant sessionStartedAt,
            Instant expiresAt,
            @Nullable Instant usedAt,
            @Nullable Instant revokedAt) {

        boolean spent() {
            return usedAt != null || revokedAt != null;
        }
    }

    private final JdbcClient jdbc;

    RefreshTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID familyId, UUID userId, byte[] tokenHash, Instant sessionStartedAt, Instant expiresAt) {
        jdbc.sql("""
                        insert into refresh_tokens (family_id, user_id, token_hash, session_started_at, expires_at)
                        values (:family, :user, :hash, :started, :expiresAt)
                        """)
                .param("family", familyId)
                .param("started", Timestamp.from(sessionStartedAt))
                .param("user", userId)
                .param("hash", tokenHash)
                .param("expiresAt", Timestamp.from(expiresAt))
                .update();
    }

    /** The token with this hash, locked until the transaction ends so two refreshes cannot both use it. */
    Optional<StoredToken> findForUpdate(byte[] tokenHash) {
        return jdbc.sql("""
                        select id, family_id, user_id, session_started_at, expires_at, used_at, revoked_at
                          from refresh_tokens where token_hash = :hash for update
                        """)
                .param("hash", tokenHash)
                .query((rs, n) -> new StoredToken(
                        rs.getObject("id", UUID.class),
                        rs.getObject("family_id", UUID.class),
                        rs.getObject("user_id", UUID.class),
                        rs.getTimestamp("session_started_at").toInstant(),
                        rs.getTimestamp("expires_at").toInstant(),
                        instant(rs.getTimestamp("used_at")),
                        instant(rs.getTimestamp("revoked_at"))))
                .optional();
    }

    void markUsed(UUID id) {
        jdbc.sql("update refresh_tokens set used_at = now() where id = :id")
                .param("id", id)
                .update();
    }

    void revokeFamily(UUID familyId) {
        jdbc.sql("update refresh_tokens set revoked_at = now() where family_id = :family and revoked_at is null")
                .param("family", familyId)
                .update();
    }

    /** Revokes every session of the user except {@code keptFamily} (none when null). */
    int revokeUserSessions(UUID userId, @Nullable UUID keptFamily) {
        return jdbc.sql("""
                        update refresh_tokens set revoked_at = now()
                         where user_id = :user and revoked_at is null
                           and (cast(:kept as uuid) is null or family_id <> :kept)
                        """).param("user", userId).param("kept", keptFamily).update();
    }

    int deleteExpiredBefore(Instant cutoff) {
        return jdbc.sql("delete from refresh_tokens where expires_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff))
                .update();
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
