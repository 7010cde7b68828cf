package com.financetracker.users.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.platform.test.ApiResponse;
import com.financetracker.users.UserServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RefreshTokenTest extends UserServiceTest {

    @Test
    void refreshRotatesTheTokenPair() {
        JsonNode session = newUserSession(newEmail());
        String first = session.path("refresh_token").asString();

        ApiResponse refreshed = refresh(first);

        assertThat(refreshed.status()).isEqualTo(200);
        String second = refreshed.json().path("refresh_token").asString();
        assertThat(second).isNotEqualTo(first);
        assertThat(refreshed.json().path("token_type").asString()).isEqualTo("Bearer");
        assertThat(api.get("/users/me")
                        .bearer(refreshed.json().path("access_token").asString())
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(refresh(second).status()).isEqualTo(200);
    }

    @Test
    void reusingARotatedTokenRevokesTheWholeSession() {
        String first = newUserSession(newEmail()).path("refresh_token").asString();
        String second = refresh(first).json().path("refresh_token").asString();

        ApiResponse reuse = refresh(first);

        assertProblem(reuse, 401, "invalid-refresh-token");
        assertProblem(refresh(second), 401, "invalid-refresh-token");
    }

    @Test
    void anotherSessionSurvivesTheRevocation() {
        String email = newEmail();
        String stolen = newUserSession(email).path("refresh_token").asString();
        String otherDevice = login(email, PASSWORD).json().path("refresh_token").asString();
        refresh(stolen);

        refresh(stolen);

        assertThat(refresh(otherDevice).status()).isEqualTo(200);
    }

    @Test
    void removingTheAdminRoleEndsThePersonsSessions() {
        String email = newEmail();
        String id = register(email, PASSWORD).json().path("id").asString();
        String admin = adminToken();
        assertThat(api.patch("/users/" + id)
                        .bearer(admin)
                        .json("{\"roles\":[\"USER\",\"ADMIN\"]}")
                        .send()
                        .status())
                .isEqualTo(200);
        String session = login(email, PASSWORD).json().path("refresh_token").asString();

        assertThat(api.patch("/users/" + id)
                        .bearer(admin)
                        .json("{\"roles\":[\"USER\"]}")
                        .send()
                        .status())
                .isEqualTo(200);

        assertProblem(refresh(session), 401, "invalid-refresh-token");
    }

    @Test
    void logoutEndsTheSession() {
        String token = newUserSession(newEmail()).path("refresh_token").asString();

        ApiResponse logout = api.post("/logout")
                .json("{\"refresh_token\":\"%s\"}".formatted(token))
                .send();

        assertThat(logout.status()).isEqualTo(204);
        assertProblem(refresh(token), 401, "invalid-refresh-token");
    }

    @Test
    void logoutOfAnUnknownTokenIsQuietlyAccepted() {
        ApiResponse logout =
                api.post("/logout").json("{\"refresh_token\":\"never-issued\"}").send();

        assertThat(logout.status()).isEqualTo(204);
    }

    @Test
    void expiredTokenIsRefused() {
        String token = newUserSession(newEmail()).path("refresh_token").asString();
        jdbc.sql("update refresh_tokens set expires_at = now() - interval '1 second'"
                        + " where token_hash = sha256(convert_to(:token, 'UTF8'))")
                .param("token", token)
                .update();

        assertProblem(refresh(token), 401, "invalid-refresh-token");
    }

    @Test
    void unknownTokenIsRefused() {
        ApiResponse response = refresh("made-up-token");

        assertProblem(response, 401, "invalid-refresh-token");
        assertThat(response.json().path("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void onlyTheHashIsStored() {
        String token = newUserSession(newEmail()).path("refresh_token").asString();

        Integer byHash = jdbc.sql(
                        "select count(*) from refresh_tokens where token_hash = sha256(convert_to(:t, 'UTF8'))")
                .param("t", token)
                .query(Integer.class)
                .single();
        Integer byPlainText = jdbc.sql("select count(*) from refresh_tokens where token_hash = convert_to(:t, 'UTF8')")
                .param("t", token)
                .query(Integer.class)
                .single();

        assertThat(byHash).isEqualTo(1);
        assertThat(byPlainText).isZero();
    }

    private ApiResponse refresh(String refreshToken) {
        return api.post("/token/refresh")
                .json("{\"refresh_token\":\"%s\"}".formatted(refreshToken))
                .send();
    }
}
