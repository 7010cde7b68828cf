package com.financetracker.users.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.platform.test.ApiResponse;
import com.financetracker.users.UserServiceTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ClientCredentialsTest extends UserServiceTest {

    @Test
    void configuredServiceGetsAServiceToken() {
        ApiResponse response = token("expense-service", CLIENT_SECRET, "grant_type=client_credentials");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        JsonNode body = response.json();
        assertThat(body.path("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.has("refresh_token")).isFalse();
        JsonNode claims = claimsOf(body.path("access_token").asString());
        assertThat(claims.path("sub").asString()).isEqualTo("expense-service");
        assertThat(claims.path("roles").toString()).isEqualTo("[\"SERVICE\"]");
    }

    @Test
    void wrongSecretIsInvalidClient() {
        ApiResponse response = token("expense-service", "wrong", "grant_type=client_credentials");

        assertProblem(response, 401, "invalid-client");
        assertThat(response.json().path("error").asString()).isEqualTo("invalid_client");
        assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void unknownClientIsInvalidClient() {
        assertProblem(token("nobody", CLIENT_SECRET, "grant_type=client_credentials"), 401, "invalid-client");
    }

    @Test
    void missingOrMalformedBasicAuthIsInvalidClient() {
        ApiResponse missing =
                api.post("/token").form("grant_type=client_credentials").send();
        ApiResponse malformed = api.post("/token")
                .header("Authorization", "Basic !!!not-base64")
                .form("grant_type=client_credentials")
                .send();

        assertProblem(missing, 401, "invalid-client");
        assertProblem(malformed, 401, "invalid-client");
    }

    @Test
    void otherGrantTypesAreUnsupported() {
        ApiResponse response = token("expense-service", CLIENT_SECRET, "grant_type=password");

        assertProblem(response, 400, "unsupported-grant-type");
        assertThat(response.json().path("error").asString()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void serviceTokenCannotActAsAUser() {
        String service = token("expense-service", CLIENT_SECRET, "grant_type=client_credentials")
                .json()
                .path("access_token")
                .asString();

        assertProblem(api.get("/users/me").bearer(service).send(), 403, "forbidden");
        assertProblem(api.get("/users").bearer(service).send(), 403, "forbidden");
    }

    private ApiResponse token(String clientId, String secret, String form) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return api.post("/token")
                .header("Authorization", "Basic " + basic)
                .form(form)
                .send();
    }
}
