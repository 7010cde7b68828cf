package com.financetracker.users.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.platform.test.ApiClient;
import com.financetracker.platform.test.ApiResponse;
import com.financetracker.platform.test.WithPostgres;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Refreshing a session keeps it going only up to its absolute lifetime, counted from the login. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "finance.users.session-lifetime=3s")
@WithPostgres
class SessionLifetimeTest {

    @LocalServerPort
    int port;

    @Test
    void aSessionEndsAtItsAbsoluteLifetimeHoweverOftenItIsRefreshed() throws Exception {
        ApiClient api = ApiClient.onPort(port);
        String email = "lifetime-" + UUID.randomUUID() + "@example.com";
        String credentials = "{\"email\":\"%s\",\"password\":\"a long password 1\"}".formatted(email);
        assertThat(api.post("/register").json(credentials).send().status()).isEqualTo(201);
        String token = api.post("/login")
                .json(credentials)
                .send()
                .json()
                .path("refresh_token")
                .asString();

        for (int i = 0; i < 2; i++) {
            Thread.sleep(1000);
            ApiResponse refreshed = refresh(api, token);
            assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
            token = refreshed.json().path("refresh_token").asString();
        }
        Thread.sleep(1500);

        ApiResponse expired = refresh(api, token);

        assertThat(expired.status()).as(expired.body()).isEqualTo(401);
        assertThat(expired.json().path("type").asString())
                .isEqualTo("urn:finance-tracker:problem:invalid-refresh-token");
    }

    private static ApiResponse refresh(ApiClient api, String token) {
        return api.post("/token/refresh")
                .json("{\"refresh_token\":\"%s\"}".formatted(token))
                .send();
    }
}
