package com.financetracker.users.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.platform.test.ApiResponse;
import com.financetracker.users.UserServiceTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class LoginTest extends UserServiceTest {

    @Test
    void logsInWithJsonAndAnswersTheOAuth2TokenShape() {
        String email = newEmail();
        String userId = register(email, PASSWORD).json().path("id").asString();

        ApiResponse response = login(email, PASSWORD);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        JsonNode tokens = response.json();
        assertThat(tokens.path("token_type").asString()).isEqualTo("Bearer");
        assertThat(tokens.path("expires_in").asInt()).isEqualTo(900);
        assertThat(tokens.path("refresh_token").asString()).hasSizeGreaterThan(40);
        JsonNode claims = claimsOf(tokens.path("access_token").asString());
        assertThat(claims.path("sub").asString()).isEqualTo(userId);
        assertThat(claims.path("iss").asString()).isEqualTo("http://localhost:8000");
        assertThat(claims.path("aud").toString()).contains("finance-tracker");
        assertThat(claims.path("roles").toString()).isEqualTo("[\"USER\"]");
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(900);
        assertThat(claims.path("jti").asString()).isNotBlank();
    }

    @Test
    void logsInWithAFormAndTheEmailInAnyCase() {
        String email = newEmail();
        register(email, PASSWORD);

        ApiResponse response = api.post("/login")
                .form("username=" + URLEncoder.encode(email.toUpperCase(), StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8))
                .send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("access_token").asString()).isNotBlank();
    }

    @Test
    void accessTokenOpensTheProfile() {
        String email = newEmail();
        String token = accessToken(email);

        ApiResponse me = api.get("/users/me").bearer(token).send();

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("email").asString()).isEqualTo(email);
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        String email = newEmail();
        register(email, PASSWORD);

        ApiResponse wrongPassword = login(email, "wrong password!");
        ApiResponse unknownEmail = login(newEmail(), "wrong password!");

        assertProblem(wrongPassword, 401, "invalid-credentials");
        assertProblem(unknownEmail, 401, "invalid-credentials");
        assertThat(wrongPassword.json().path("detail"))
                .isEqualTo(unknownEmail.json().path("detail"));
        assertThat(wrongPassword.json().path("title"))
                .isEqualTo(unknownEmail.json().path("title"));
    }

    @Test
    void repeatedFailuresForAnAccountAreThrottled() {
        String email = newEmail();
        register(email, PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertThat(login(email, "wrong password " + i).status()).isEqualTo(401);
        }

        ApiResponse throttled = login(email, PASSWORD);

        assertProblem(throttled, 429, "too-many-requests");
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 120L);
    }

    @Test
    void successfulLoginClearsEarlierFailures() {
        String email = newEmail();
        register(email, PASSWORD);
        for (int i = 0; i < 4; i++) {
            login(email, "wrong password " + i);
        }
        assertThat(login(email, PASSWORD).status()).isEqualTo(200);

        for (int i = 0; i < 4; i++) {
            assertThat(login(email, "wrong again " + i).status()).isEqualTo(401);
        }
        assertThat(login(email, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void throttlingAnUnknownEmailLooksTheSameAsAKnownOne() {
        String unknown = newEmail();
        for (int i = 0; i < 5; i++) {
            login(unknown, "guess " + i);
        }

        assertProblem(login(unknown, "guess"), 429, "too-many-requests");
    }

    @Test
    void missingFieldsAreValidationErrors() {
        ApiResponse response = api.post("/login").json("{\"email\":\"a@b.c\"}").send();

        assertProblem(response, 400, "validation");
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .isEqualTo("password");
    }

    @Test
    void missingFormFieldIsAValidationError() {
        ApiResponse response = api.post("/login").form("username=someone").send();

        assertProblem(response, 400, "validation");
    }
}
