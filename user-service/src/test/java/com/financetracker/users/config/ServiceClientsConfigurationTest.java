package com.financetracker.users.config;

import static org.assertj.core.api.Assertions.assertThat;

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

    private static int token(ApiClient api, String client, String secret) {
        String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return api.post("/token")
                .header("Authorization", "Basic " + basic)
                .form("grant_type=client_credentials")
                .send()
                .status();
    }
}
