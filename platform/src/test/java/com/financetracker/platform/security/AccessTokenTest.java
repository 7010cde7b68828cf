package com.financetracker.platform.security;

import static com.financetracker.platform.web.ErrorResponsesTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.platform.test.ApiClient;
import com.financetracker.platform.test.ApiResponse;
import com.financetracker.platform.test.TestTokens;
import com.financetracker.platform.test.WithPostgres;
import com.financetracker.platform.test.WithTestTokens;
import com.financetracker.platform.testapp.TestApplication;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Only well-formed, correctly signed, current tokens for this audience and issuer get through. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPostgres
@WithTestTokens
class AccessTokenTest {

    @LocalServerPort
    int port;

    ApiClient api;
    UUID userId = UUID.randomUUID();
    String path;

    @BeforeEach
    void setUp() {
        api = ApiClient.onPort(port);
        path = "/items/" + UUID.randomUUID();
    }

    @Test
    void validTokenIsAccepted() {
        ApiResponse response = api.get(path).bearer(TestTokens.user(userId)).send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("owner").asString()).isEqualTo(userId.toString());
    }

    @Test
    void missingTokenIs401WithChallenge() {
        ApiResponse response = api.get(path).send();

        assertProblem(response, 401, "unauthorized");
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void tokenSignedByAnotherKeyIsRefused() {
        assertRefused(TestTokens.forSubject(userId.toString())
                .roles("USER")
                .signedWithUnknownKey()
                .sign());
    }

    @Test
    void unsignedTokenIsRefused() {
        assertRefused(TestTokens.forSubject(userId.toString())
                .roles("USER")
                .unsigned()
                .sign());
    }

    @Test
    void expiredTokenIsRefused() {
        assertRefused(TestTokens.forSubject(userId.toString())
                .roles("USER")
                .expiresAt(Instant.now().minusSeconds(120))
                .sign());
    }

    @Test
    void tokenFromAnotherIssuerIsRefused() {
        assertRefused(TestTokens.forSubject(userId.toString())
                .roles("USER")
                .issuer("http://evil.example")
                .sign());
    }

    @Test
    void tokenForAnotherAudienceIsRefused() {
        assertRefused(TestTokens.forSubject(userId.toString())
                .roles("USER")
                .audience("another-app")
                .sign());
    }

    @Test
    void tokenWithAlteredClaimsIsRefused() {
        String[] parts = TestTokens.user(userId).split("\\.");
        String forgedClaims = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("{\"sub\":\"" + userId + "\",\"roles\":[\"USER\",\"ADMIN\"],\"iss\":\""
                                + TestTokens.ISSUER + "\",\"aud\":[\"finance-tracker\"],\"exp\":9999999999}")
                        .getBytes());

        assertRefused(parts[0] + "." + forgedClaims + "." + parts[2]);
    }

    @Test
    void garbageTokenIsRefused() {
        assertRefused("not.a.jwt");
        assertRefused("has spaces in it");
    }

    @Test
    void nonAdminIsForbiddenFromAdminEndpoints() {
        ApiResponse response =
                api.get("/admin/report").bearer(TestTokens.user(userId)).send();

        assertProblem(response, 403, "forbidden");
    }

    @Test
    void adminReachesAdminEndpoints() {
        ApiResponse response =
                api.get("/admin/report").bearer(TestTokens.admin(userId)).send();

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void serviceTokenIsNotAUser() {
        ApiResponse response =
                api.get(path).bearer(TestTokens.service("expense-service")).send();

        assertProblem(response, 403, "forbidden");
    }

    @Test
    void publicEndpointIgnoresAStaleToken() {
        String expired = TestTokens.forSubject(userId.toString())
                .roles("USER")
                .expiresAt(Instant.now().minusSeconds(3600))
                .sign();

        ApiResponse response = api.get("/public/ping").bearer(expired).send();

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void corsAllowsOnlyTheConfiguredOrigin() {
        ApiResponse allowed = api.method("OPTIONS", path)
                .header("Origin", "http://localhost:8002")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .send();
        ApiResponse refused = api.method("OPTIONS", path)
                .header("Origin", "http://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .send();

        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:8002");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
    }

    private void assertRefused(String token) {
        ApiResponse response = api.get(path).bearer(token).send();
        assertProblem(response, 401, "unauthorized");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
    }
}
