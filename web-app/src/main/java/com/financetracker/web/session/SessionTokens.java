package com.financetracker.web.session;

import com.financetracker.web.api.ApiProblemException;
import com.financetracker.web.api.Caller;
import com.financetracker.web.api.SessionEndedException;
import com.financetracker.web.api.TokenPair;
import com.financetracker.web.api.UsersApi;
import com.financetracker.web.config.WebAppProperties;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The tokens of each signed-in session, in a table of the web app's database: the browser never sees them and every
 * replica reads the same row. An access token about to expire is refreshed under a row lock, and whoever waited for
 * that lock re-reads the row first, so the tabs and replicas sharing a session send one refresh token once and never
 * trip the user service's reuse detection.
 */
@Component
public class SessionTokens {

    private static final Logger log = LoggerFactory.getLogger(SessionTokens.class);

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final UsersApi users;
    private final Clock clock;
    private final Duration refreshAhead;
    private final Duration cleanupAfter;

    SessionTokens(
            JdbcClient jdbc,
            TransactionOperations transactions,
            UsersApi users,
            Clock clock,
            WebAppProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.users = users;
        this.clock = clock;
        this.refreshAhead = properties.tokens().refreshAhead();
        this.cleanupAfter = properties.tokens().cleanupAfter();
    }

    /** Keeps the tokens of a new session; returns the id the session refers to them by. */
    public UUID store(UUID userId, TokenPair tokens) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into session_tokens (id, user_id, access_token, access_expires_at, refresh_token)
                        values (:id, :userId, :access, :expires, :refresh)
                        """)
                .param("id", id)
                .param("userId", userId)
                .param("access", tokens.accessToken())
                .param("expires", Timestamp.from(expiry(tokens)))
                .param("refresh", tokens.refreshToken())
                .update();
        return id;
    }

    /** A usable access token of the session: the stored one, or a new one when it is about to expire. */
    public String accessToken(UUID id, @Nullable String requestId) {
        Stored stored = find(id, false).orElseThrow(SessionEndedException::new);
        if (stored.usableAt(clock.instant().plus(refreshAhead))) {
            return stored.accessToken();
        }
        return refresh(id, stored.accessToken(), requestId);
    }

    /**
     * A usable access token after a service rejected {@code rejected}: the row's newer token when another request
     * already refreshed, else a new one.
     */
    public String accessTokenAfterRejection(UUID id, String rejected, @Nullable String requestId) {
        return refresh(id, rejected, requestId);
    }

    /** Renews the access token now, so that it carries a changed profile (such as the default currency). */
    public String renew(UUID id, @Nullable String requestId) {
        Stored stored = find(id, false).orElseThrow(SessionEndedException::new);
        return refresh(id, stored.accessToken(), requestId);
    }

    /** Forgets the session's tokens; returns its refresh token so that the caller can revoke it. */
    public Optional<String> remove(UUID id) {
        Optional<Stored> stored = find(id, false);
        jdbc.sql("delete from session_tokens where id = :id").param("id", id).update();
        return stored.map(Stored::refreshToken);
    }

    /** Forgets the tokens of every session of the user (whose account is gone); returns how many there were. */
    public int removeAll(UUID userId) {
        return jdbc.sql("delete from session_tokens where user_id = :user")
                .param("user", userId)
                .update();
    }

    /**
     * Sessions that ended without a logout (the browser was closed, the session timed out) leave their row behind;
     * once its access token has been expired for longer than any session can stay idle, nobody can use it.
     */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void deleteAbandoned() {
        int deleted = jdbc.sql("delete from session_tokens where access_expires_at < :before")
                .param("before", Timestamp.from(clock.instant().minus(cleanupAfter)))
                .update();
        if (deleted > 0) {
            log.info("Deleted the tokens of {} abandoned sessions", deleted);
        }
    }

    private String refresh(UUID id, String stale, @Nullable String requestId) {
        Outcome outcome = transactions.execute(status -> {
            Stored locked = find(id, true).orElse(null);
            if (locked == null) {
                return Outcome.ENDED;
            }
            if (!locked.accessToken().equals(stale) && locked.usableAt(clock.instant())) {
                // another request of this session refreshed while this one waited for the lock
                return new Outcome(locked.accessToken());
            }
            TokenPair renewed;
            try {
                renewed = users.refresh(Caller.anonymous(requestId), locked.refreshToken());
            } catch (ApiProblemException e) {
                if (e.status() == 400 || e.status() == 401 || e.status() == 403) {
                    log.info("The refresh token of a session was refused ({}); the session ends", e.status());
                    jdbc.sql("delete from session_tokens where id = :id")
                            .param("id", id)
                            .update();
                    return Outcome.ENDED;
                }
                throw e;
            }
            jdbc.sql("""
                            update session_tokens
                               set access_token = :access, access_expires_at = :expires, refresh_token = :refresh,
                                   refreshed_at = :now
                             where id = :id
                            """)
                    .param("access", renewed.accessToken())
                    .param("expires", Timestamp.from(expiry(renewed)))
                    .param("refresh", renewed.refreshToken())
                    .param("now", Timestamp.from(clock.instant()))
                    .param("id", id)
                    .update();
            return new Outcome(renewed.accessToken());
        });
        if (outcome == null || outcome.accessToken() == null) {
            throw new SessionEndedException();
        }
        return outcome.accessToken();
    }

    private Optional<Stored> find(UUID id, boolean forUpdate) {
        return jdbc.sql("select access_token, access_expires_at, refresh_token from session_tokens where id = :id"
                        + (forUpdate ? " for update" : ""))
                .param("id", id)
                .query((row, n) -> new Stored(
                        row.getString("access_token"),
                        row.getTimestamp("access_expires_at").toInstant(),
                        row.getString("refresh_token")))
                .optional();
    }

    private Instant expiry(TokenPair tokens) {
        return clock.instant().plusSeconds(Math.max(0, tokens.expiresIn()));
    }

    private record Stored(String accessToken, Instant accessExpiresAt, String refreshToken) {

        boolean usableAt(Instant instant) {
            return accessExpiresAt.isAfter(instant);
        }

        @Override
        public String toString() {
            return "Stored[expires=" + accessExpiresAt + "]";
        }
    }

    private record Outcome(@Nullable String accessToken) {
        static final Outcome ENDED = new Outcome(null);
    }
}
