package com.financetracker.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A service's {@link JwtDecoder} that remembers the access tokens it accepted until they expire, so that a client's
 * requests pay for the RS256 signature check once per token rather than once each (the check was about a fifth of a
 * short request's CPU). Only tokens that passed every check of the decoder are remembered, by their whole text, and
 * only until their expiry; then they are checked again, and refused. So a signing key withdrawn from the published
 * set stops being accepted within an access token's lifetime (15 minutes by default) rather than at once.
 */
final class VerifiedTokenCache implements JwtDecoder {

    /** Tokens remembered at most: about 3 MB; the least used are forgotten first. */
    static final int MAXIMUM_TOKENS = 1_000;

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Cache<String, Jwt> accepted;

    VerifiedTokenCache(JwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
        this.accepted = Caffeine.newBuilder()
                .maximumSize(MAXIMUM_TOKENS)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> remainingLifetime(jwt)))
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt remembered = accepted.getIfPresent(token);
        if (remembered != null && isCurrent(remembered)) {
            return remembered;
        }
        Jwt jwt = decoder.decode(token);
        if (isCurrent(jwt)) {
            accepted.put(token, jwt);
        }
        return jwt;
    }

    private boolean isCurrent(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt != null && clock.instant().isBefore(expiresAt);
    }

    private Duration remainingLifetime(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt == null ? Duration.ZERO : Duration.between(clock.instant(), expiresAt);
    }
}
