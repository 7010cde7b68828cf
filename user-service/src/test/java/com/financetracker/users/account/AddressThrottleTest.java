package com.financetracker.users.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.platform.test.ApiClient;
import com.financetracker.platform.test.ApiResponse;
import com.financetracker.platform.test.WithPostgres;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Failures from one client address are limited across accounts, so one client cannot try many accounts. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"finance.users.throttle.address-failures=3", "finance.users.throttle.account-failures=100"})
@WithPostgres
class AddressThrottleTest {

    @LocalServerPort
    int port;

    @Test
    void failuresFromOneAddressAcrossAccountsAreThrottled() {
        ApiClient api = ApiClient.onPort(port);
        for (int i = 0; i < 3; i++) {
            assertThat(login(api, "someone-" + UUID.randomUUID() + "@example.com")
                            .status())
                    .isEqualTo(401);
        }

        ApiResponse throttled = login(api, "yet-another@example.com");

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isNotBlank();
        assertThat(throttled.json().path("type").asString()).isEqualTo("urn:finance-tracker:problem:too-many-requests");
    }

    @Test
    void parallelFailuresFromOneAddressAreCheckedAtMostTheLimit() throws Exception {
        ApiClient api = ApiClient.onPortFrom(port, "127.0.0.3");

        List<ApiResponse> responses =
                LoginThrottleTest.inParallel(40, i -> login(api, "parallel-" + UUID.randomUUID() + "@example.com"));

        assertThat(responses).filteredOn(r -> r.status() == 401).hasSizeLessThanOrEqualTo(3);
        assertThat(responses)
                .filteredOn(r -> r.status() != 401)
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(429));
    }

    private static ApiResponse login(ApiClient api, String email) {
        return api.post("/login")
                .json("{\"email\":\"%s\",\"password\":\"wrong password\"}".formatted(email))
                .send();
    }
}
