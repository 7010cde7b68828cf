package com.financetracker.users.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.platform.test.ApiResponse;
import com.financetracker.platform.test.TestTokens;
import com.financetracker.users.UserServiceTest;
import com.financetracker.users.key.SigningKeys;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The user service verifies tokens with its own keys: only its own, current tokens for this audience pass. */
class TokenTamperingTest extends UserServiceTest {

    @Autowired
    SigningKeys keys;

    @Test
    void acceptsATokenSignedWithItsKey() throws Exception {
        String email = newEmail();
        String id = register(email, PASSWORD).json().path("id").asString();

        assertThat(me(sign(claims(id).build())).status()).isEqualTo(200);
    }

    @Test
    void refusesExpiredTokens() throws Exception {
        String id = register(newEmail(), PASSWORD).json().path("id").asString();
        JWTClaimsSet expired = claims(id)
                .expirationTime(Date.from(Instant.now().minusSeconds(60)))
                .build();

        assertRefused(me(sign(expired)));
    }

    @Test
    void refusesAnotherIssuerOrAudience() throws Exception {
        String id = register(newEmail(), PASSWORD).json().path("id").asString();

        assertRefused(me(sign(claims(id).issuer("http://evil.example").build())));
        assertRefused(me(sign(claims(id).audience("other").build())));
    }

    @Test
    void refusesForeignKeysAndUnsignedTokens() {
        String id = register(newEmail(), PASSWORD).json().path("id").asString();

        assertRefused(me(TestTokens.forSubject(id)
                .issuer("http://localhost:8000")
                .roles("USER")
                .sign()));
        assertRefused(me(TestTokens.forSubject(id)
                .issuer("http://localhost:8000")
                .roles("USER")
                .unsigned()
                .sign()));
    }

    @Test
    void refusesATokenWhoseRolesWereEdited() {
        String token = accessToken(newEmail());
        String[] parts = token.split("\\.");
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                .replace("[\"USER\"]", "[\"USER\",\"ADMIN\"]");
        String forged = parts[0] + "."
                + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes()) + "." + parts[2];

        assertRefused(api.get("/users").bearer(forged).send());
    }

    private JWTClaimsSet.Builder claims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer("http://localhost:8000")
                .audience(List.of("finance-tracker"))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", List.of("USER"));
    }

    private String sign(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(keys.signingKey().getKeyID())
                        .build(),
                claims);
        jwt.sign(new RSASSASigner(keys.signingKey()));
        return jwt.serialize();
    }

    private ApiResponse me(String token) {
        return api.get("/users/me").bearer(token).send();
    }

    private static void assertRefused(ApiResponse response) {
        assertProblem(response, 401, "unauthorized");
    }
}
