package com.financetracker.users.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.platform.test.ApiResponse;
import com.financetracker.users.UserServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AccountTest extends UserServiceTest {

    @Test
    void profileNeedsAToken() {
        ApiResponse response = api.get("/users/me").send();

        assertProblem(response, 401, "unauthorized");
    }

    @Test
    void patchChangesOnlyWhatItNames() {
        String token = accessToken(newEmail());

        ApiResponse renamed = patchMe(token, "{\"displayName\":\"New Name\"}");
        ApiResponse withCurrency = patchMe(token, "{\"defaultCurrency\":\"EUR\"}");

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().path("displayName").asString()).isEqualTo("New Name");
        assertThat(withCurrency.json().path("displayName").asString()).isEqualTo("New Name");
        assertThat(withCurrency.json().path("defaultCurrency").asString()).isEqualTo("EUR");
    }

    @Test
    void nullClearsTheDefaultCurrency() {
        String token = accessToken(newEmail());
        patchMe(token, "{\"defaultCurrency\":\"JPY\"}");

        ApiResponse cleared = patchMe(token, "{\"defaultCurrency\":null}");

        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().path("defaultCurrency").isNull()).isTrue();
    }

    @Test
    void defaultCurrencyTravelsInTheNextAccessToken() {
        String email = newEmail();
        String token = accessToken(email);
        patchMe(token, "{\"defaultCurrency\":\"CHF\"}");

        String next = login(email, PASSWORD).json().path("access_token").asString();

        assertThat(claimsOf(next).path("currency").asString()).isEqualTo("CHF");
    }

    @Test
    void patchRejectsInvalidValuesAndChangesNothing() {
        String token = accessToken(newEmail());

        ApiResponse badCurrency = patchMe(token, "{\"defaultCurrency\":\"EURO\"}");
        ApiResponse blankName = patchMe(token, "{\"displayName\":\"  \"}");
        ApiResponse nullName = patchMe(token, "{\"displayName\":null}");
        ApiResponse unknown = patchMe(token, "{\"email\":\"x@y.z\"}");
        ApiResponse notAnObject = patchMe(token, "[1,2]");

        assertProblem(badCurrency, 400, "validation");
        assertThat(badCurrency.json().path("errors").get(0).path("field").asString())
                .isEqualTo("defaultCurrency");
        assertProblem(blankName, 400, "validation");
        assertProblem(nullName, 400, "validation");
        assertProblem(unknown, 400, "validation");
        assertProblem(notAnObject, 400, "malformed-request");
        JsonNode me = api.get("/users/me").bearer(token).send().json();
        assertThat(me.path("defaultCurrency").isNull()).isTrue();
    }

    @Test
    void passwordChangeEndsOtherSessionsButNotThisOne() {
        String email = newEmail();
        JsonNode current = newUserSession(email);
        JsonNode other = login(email, PASSWORD).json();

        ApiResponse changed = api.put("/users/me/password")
                .bearer(current.path("access_token").asString())
                .json("{\"currentPassword\":\"%s\",\"newPassword\":\"a brand new secret\"}".formatted(PASSWORD))
                .send();

        assertThat(changed.status()).isEqualTo(204);
        assertThat(refresh(current.path("refresh_token").asString()).status()).isEqualTo(200);
        assertThat(refresh(other.path("refresh_token").asString()).status()).isEqualTo(401);
        assertThat(login(email, PASSWORD).status()).isEqualTo(401);
        assertThat(login(email, "a brand new secret").status()).isEqualTo(200);
    }

    @Test
    void passwordChangeNeedsTheCurrentPassword() {
        String email = newEmail();
        String token = accessToken(email);

        ApiResponse response = api.put("/users/me/password")
                .bearer(token)
                .json("{\"currentPassword\":\"not it at all\",\"newPassword\":\"a brand new secret\"}")
                .send();

        assertProblem(response, 403, "wrong-password");
        assertThat(login(email, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void newPasswordMustBeLongEnough() {
        String token = accessToken(newEmail());

        ApiResponse response = api.put("/users/me/password")
                .bearer(token)
                .json("{\"currentPassword\":\"%s\",\"newPassword\":\"short\"}".formatted(PASSWORD))
                .send();

        assertProblem(response, 400, "validation");
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .isEqualTo("newPassword");
    }

    @Test
    void deletingTheAccountRemovesItAndTellsOtherServices() {
        String email = newEmail();
        JsonNode session = newUserSession(email);
        String token = session.path("access_token").asString();
        String id = api.get("/users/me").bearer(token).send().json().path("id").asString();

        ApiResponse deleted = api.delete("/users/me")
                .bearer(token)
                .json("{\"password\":\"%s\"}".formatted(PASSWORD))
                .send();

        assertThat(deleted.status()).isEqualTo(204);
        assertProblem(login(email, PASSWORD), 401, "invalid-credentials");
        assertThat(refresh(session.path("refresh_token").asString()).status()).isEqualTo(401);
        assertProblem(api.get("/users/me").bearer(token).send(), 404, "not-found");
        // one event, recorded once for each service that receives it
        String payload = jdbc.sql("select distinct payload::text from platform.outbox where event_type = 'user.deleted'"
                        + " and event_key = :id")
                .param("id", id)
                .query(String.class)
                .single();
        JsonNode event = JsonMapper.builder().build().readTree(payload);
        assertThat(event.path("userId").asString()).isEqualTo(id);
        assertThat(event.path("deletedAt").asString()).endsWith("Z");
        assertThat(register(email, PASSWORD).status()).isEqualTo(201);
    }

    @Test
    void deletingNeedsThePassword() {
        String email = newEmail();
        String token = accessToken(email);

        ApiResponse refused = api.delete("/users/me")
                .bearer(token)
                .json("{\"password\":\"not the password\"}")
                .send();
        ApiResponse missing = api.delete("/users/me").bearer(token).json("{}").send();

        assertProblem(refused, 403, "wrong-password");
        assertProblem(missing, 400, "validation");
        assertThat(login(email, PASSWORD).status()).isEqualTo(200);
    }

    private ApiResponse patchMe(String token, String patch) {
        return api.patch("/users/me")
                .bearer(token)
                .body("application/merge-patch+json", patch)
                .send();
    }

    private ApiResponse refresh(String refreshToken) {
        return api.post("/token/refresh")
                .json("{\"refresh_token\":\"%s\"}".formatted(refreshToken))
                .send();
    }
}
