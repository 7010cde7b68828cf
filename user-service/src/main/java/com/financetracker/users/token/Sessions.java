package com.financetracker.users.token;

import com.financetracker.users.account.AccountEvents.AccountDisabled;
import com.financetracker.users.account.AccountEvents.AdminRoleRemoved;
import com.financetracker.users.account.AccountEvents.PasswordChanged;
import com.financetracker.users.account.AccountService;
import com.financetracker.users.account.User;
import com.financetracker.users.config.UserServiceProperties;
import com.financetracker.users.token.RefreshTokenRepository.StoredToken;
import com.financetracker.users.token.TokenProblems.InvalidRefreshTokenException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Login sessions: a family of refresh tokens started at login. Each refresh rotates the token; a token presented
 * after it was rotated means it was copied, so the whole family is revoked and its holder must log in again. A session
 * lasts at most its absolute lifetime from the login, however often it is refreshed.
 */
@Service
class Sessions {

    private static final Logger log = LoggerFactory.getLogger(Sessions.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RefreshTokenRepository refreshTokens;
    private final AccessTokens accessTokens;
    private final AccountService accounts;
    private final TransactionOperations transactions;
    private final Duration refreshTtl;
    private final Duration sessionLifetime;
    private final Clock clock;

    Sessions(
            RefreshTokenRepository refreshTokens,
            AccessTokens accessTokens,
            AccountService accounts,
            TransactionOperations transactions,
            UserServiceProperties properties,
            Clock clock) {
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.accounts = accounts;
        this.transactions = transactions;
        this.refreshTtl = properties.refreshTokenTtl();
        this.sessionLifetime = properties.sessionLifetime();
        this.clock = clock;
    }

    /** Starts a session for a user who just proved their password. */
    TokenResponse start(User user) {
        return issue(user, UUID.randomUUID(), clock.instant());
    }

    /** Rotates a refresh token: the old one stops working and a new pair is issued. */
    TokenResponse refresh(String refreshToken) {
        byte[] hash = hash(refreshToken);
        Optional<TokenResponse> issued = transactions.execute(status -> {
            Optional<StoredToken> found = refreshTokens.findForUpdate(hash);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            StoredToken token = found.get();
            if (token.spent()) {
                refreshTokens.revokeFamily(token.familyId());
                if (token.revokedAt() == null) {
                    log.warn(
                            "Rotated refresh token reused: session {} of user {} revoked",
                            token.familyId(),
                            token.userId());
                }
                return Optional.empty();
            }
            if (!token.expiresAt().isAfter(clock.instant())) {
                return Optional.empty();
            }
            Optional<User> user = accounts.find(token.userId()).filter(u -> !u.disabled());
            if (user.isEmpty()) {
                refreshTokens.revokeFamily(token.familyId());
                return Optional.empty();
            }
            refreshTokens.markUsed(token.id());
            return Optional.of(issue(user.get(), token.familyId(), token.sessionStartedAt()));
        });
        return issued.orElseThrow(InvalidRefreshTokenException::new);
    }

    /** Ends the session the refresh token belongs to; unknown or spent tokens are ignored. */
    void end(String refreshToken) {
        byte[] hash = hash(refreshToken);
        transactions.executeWithoutResult(status ->
                refreshTokens.findForUpdate(hash).ifPresent(token -> refreshTokens.revokeFamily(token.familyId())));
    }

    @EventListener
    void on(PasswordChanged event) {
        int revoked = refreshTokens.revokeUserSessions(event.userId(), event.keptSession());
        log.info("Password change ended {} other session tokens of user {}", revoked, event.userId());
    }

    @EventListener
    void on(AccountDisabled event) {
        refreshTokens.revokeUserSessions(event.userId(), null);
    }

    @EventListener
    void on(AdminRoleRemoved event) {
        int revoked = refreshTokens.revokeUserSessions(event.userId(), null);
        log.info("Removing the ADMIN role ended {} session tokens of user {}", revoked, event.userId());
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void deleteExpired() {
        int deleted = refreshTokens.deleteExpiredBefore(clock.instant().minus(Duration.ofDays(1)));
        if (deleted > 0) {
            log.info("Deleted {} expired refresh tokens", deleted);
        }
    }

    private TokenResponse issue(User user, UUID session, Instant sessionStartedAt) {
        String refreshToken = newRefreshToken();
        Instant expiresAt = clock.instant().plus(refreshTtl);
        Instant sessionEnds = sessionStartedAt.plus(sessionLifetime);
        if (expiresAt.isAfter(sessionEnds)) {
            expiresAt = sessionEnds;
        }
        refreshTokens.insert(session, user.id(), hash(refreshToken), sessionStartedAt, expiresAt);
        return TokenResponse.bearer(
                accessTokens.forUser(user, session), accessTokens.ttl().toSeconds(), refreshToken);
    }

    private static String newRefreshToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
