package com.financetracker.users.key;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.platform.test.ApiClient;
import com.financetracker.platform.test.ApiResponse;
import com.financetracker.users.UserServiceApplication;
import com.financetracker.users.UserServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

class SigningKeyTest extends UserServiceTest {

    @Autowired
    DataSourceProperties dataSource;

    @Test
    void jwksPublishesOnlyPublicKeyParts() {
        ApiResponse response = api.get("/.well-known/jwks.json").send();

        assertThat(response.status()).isEqualTo(200);
        JsonNode key = response.json().path("keys").get(0);
        assertThat(key.path("kty").asString()).isEqualTo("RSA");
        assertThat(key.path("alg").asString()).isEqualTo("RS256");
        assertThat(key.path("use").asString()).isEqualTo("sig");
        assertThat(key.has("n")).isTrue();
        assertThat(key.has("e")).isTrue();
        for (String privatePart : new String[] {"d", "p", "q", "dp", "dq", "qi"}) {
            assertThat(key.has(privatePart)).as(privatePart).isFalse();
        }
        String kid = key.path("kid").asString();
        String token = accessToken(newEmail());
        String header = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[0]));
        assertThat(header).contains("\"kid\":\"" + kid + "\"");
    }

    @Test
    void aRestartedServiceKeepsTheKeySoIssuedTokensStayValid() {
        String token = accessToken(newEmail());
        String kid = api.get("/.well-known/jwks.json")
                .send()
                .json()
                .path("keys")
                .get(0)
                .path("kid")
                .asString();

        try (ConfigurableApplicationContext restarted = startAnotherInstance()) {
            ApiClient other = ApiClient.onPort(
                    restarted.getEnvironment().getRequiredProperty("local.server.port", Integer.class));

            assertThat(other.get("/users/me").bearer(token).send().status()).isEqualTo(200);
            assertThat(other.get("/.well-known/jwks.json")
                            .send()
                            .json()
                            .path("keys")
                            .get(0)
                            .path("kid")
                            .asString())
                    .isEqualTo(kid);
        }
    }

    private ConfigurableApplicationContext startAnotherInstance() {
        return new SpringApplication(UserServiceApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + dataSource.getUrl(),
                        "--spring.datasource.username=postgres");
    }
}
