package com.financetracker.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokenCacheTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private Instant now = NOW;
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    /** Checks tokens named "good-…" (valid for 15 minutes from the first check) and refuses every other. */
    private final Verifier verifier = new Verifier();

    private final VerifiedTokenCache cache = new VerifiedTokenCache(verifier, clock);

    @Test
    void aTokenIsCheckedOnceWhileItIsCurrent() {
        Jwt first = cache.decode("good-1");
        now = NOW.plus(Duration.ofMinutes(14));
        Jwt again = cache.decode("good-1");

        assertThat(again).isSameAs(first);
        assertThat(verifier.checked).containsExactly("good-1");
    }

    @Test
    void anExpiredTokenIsCheckedAgainAndItsRefusalPassesThrough() {
        cache.decode("good-1");
        now = NOW.plus(Duration.ofMinutes(15));
        verifier.refuseAll = true;

        assertThatThrownBy(() -> cache.decode("good-1")).isInstanceOf(BadJwtException.class);
        assertThat(verifier.checked).containsExactly("good-1", "good-1");
    }

    @Test
    void aRefusedTokenIsCheckedEveryTime() {
        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(verifier.checked).containsExactly("forged", "forged");
    }

    @Test
    void tokensAreRememberedEachByItsWholeText() {
        Jwt one = cache.decode("good-1");
        Jwt two = cache.decode("good-2");

        assertThat(two.getTokenValue()).isEqualTo("good-2");
        assertThat(cache.decode("good-1")).isSameAs(one);
        assertThat(verifier.checked).containsExactly("good-1", "good-2");
    }

    private final class Verifier implements JwtDecoder {
        final List<String> checked = new ArrayList<>();
        boolean refuseAll;

        @Override
        public Jwt decode(String token) {
            checked.add(token);
            if (refuseAll || !token.startsWith("good-")) {
                throw new BadJwtException("refused");
            }
            return Jwt.withTokenValue(token)
                    .header("alg", "RS256")
                    .subject("someone")
                    .issuedAt(NOW)
                    .expiresAt(NOW.plus(Duration.ofMinutes(15)))
                    .build();
        }
    }
}
