package com.financetracker.users.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.financetracker.platform.test.ApiClient;
import com.financetracker.platform.test.EmbeddedPostgresServer;
import com.financetracker.users.UserServiceApplication;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/** Service clients may be configured with their secret already hashed, so the plain secret never reaches this service. */
class ServiceClientsConfigurationTest {

    @Test
    void aSecretGivenAsAnArgon2HashWorksBesidePlainOnes() {
        String hashed = "{argon2}"
                + Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode("hashed-secret");
        assertThat(hashed).contains(",");

        try (ConfigurableApplicationContext service = new SpringApplication(UserServiceApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + EmbeddedPostgresServer.createDatabase(),
                        "--spring.datasource.username=postgres",
                        "--finance.users.service-clients=expense-service:" + hashed
                                + ",analytics-service:plain-secret")) {
            ApiClient api =
                    ApiClient.onPort(service.getEnvironment().getRequiredProperty("local.server.port", Integer.class));

            assertThat(token(api, "expense-service", "hashed-secret")).isEqualTo(200);
            assertThat(token(api, "analytics-service", "plain-secret")).isEqualTo(200);
            assertThat(token(api, "expense-service", hashed)).isEqualTo(401);
        }
    }

    @Test
    void aClientMayHaveTwoSecretsWhileItsSecretIsRotated() {
        try (ConfigurableApplicationContext service =
                start("expense-service:old-secret,web-app:web-secret,expense-service:new-secret")) {
            ApiClient api = api(service);

            assertThat(token(api, "expense-service", "old-secret")).isEqualTo(200);
            assertThat(token(api, "expense-service", "new-secret")).isEqualTo(200);
            assertThat(token(api, "expense-service", "web-secret")).isEqualTo(401);
            assertThat(token(api, "web-app", "web-secret")).isEqualTo(200);
        }
    }

    /** The user service signs its own tokens as user-service: a client of that name could purge any user's data. */
    @Test
    void noClientMayTakeTheUserServicesOwnName() {
        assertThatThrownBy(() -> start("expense-service:secret-1,user-service:secret-2"))
                .rootCause()
                .hasMessageContaining("user-service");
    }

    private static ConfigurableApplicationContext start(String clients) {
        return new SpringApplication(UserServiceApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + EmbeddedPostgresServer.createDatabase(),
                        "--spring.datasource.username=postgres",
                        "--finance.users.service-clients=" + clients);
    }

    private static ApiClient api(ConfigurableApplicationContext service) {
        return ApiClient.onPort(service.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }

    private static int token(ApiClient api, String client, String secret) {
        String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return api.post("/token")
                .header("Authorization", "Basic " + basic)
                .form("grant_type=client_credentials")
                .send()
                .status();
    }
}
