package com.financetracker.users.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.platform.test.ApiClient;
import com.financetracker.platform.test.ApiResponse;
import com.financetracker.platform.test.WithPostgres;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Guesses spread over many addresses still meet a limit per account, higher than the one per address. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "finance.users.throttle.account-address-failures=2",
            "finance.users.throttle.account-failures=4",
        })
@WithPostgres
class AccountWideThrottleTest {

    @LocalServerPort
    int port;

    @Test
    void guessesFromManyAddressesAreThrottledPerAccount() {
        String email = "spread-" + UUID.randomUUID() + "@example.com";
        for (String address : new String[] {"127.0.0.5", "127.0.0.6"}) {
            ApiClient api = ApiClient.onPortFrom(port, address);
            assertThat(login(api, email).status()).isEqualTo(401);
            assertThat(login(api, email).status()).isEqualTo(401);
            assertThat(login(api, email).status()).isEqualTo(429);
        }

        ApiResponse throttled = login(ApiClient.onPortFrom(port, "127.0.0.7"), email);

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isNotBlank();
    }

    private static ApiResponse login(ApiClient api, String email) {
        return api.post("/login")
                .json("{\"email\":\"%s\",\"password\":\"wrong password\"}".formatted(email))
                .send();
    }
}
