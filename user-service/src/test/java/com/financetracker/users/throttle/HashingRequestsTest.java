package com.financetracker.users.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.platform.test.ApiClient;
import com.financetracker.platform.test.ApiResponse;
import com.financetracker.platform.test.WithPostgres;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Requests that make the service hash a password cannot be sent for free without end. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "finance.users.service-clients=expense-service:" + HashingRequestsTest.SECRET,
            "finance.users.throttle.registrations-per-address=3",
            "finance.users.throttle.registrations=5",
            "finance.users.throttle.client-failures-per-address=2",
            "finance.users.throttle.address-failures=10000",
            "finance.users.hashing.queue=1"
        })
@WithPostgres
class HashingRequestsTest {

    static final String SECRET = "s3rvice-secret";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void registrationsAreLimitedPerAddressAndForEveryoneTogether() {
        ApiClient first = ApiClient.onPortFrom(port, "127.0.0.11");
        for (int i = 0; i < 3; i++) {
            assertThat(register(first, newEmail()).status()).isEqualTo(201);
        }
        String refused = newEmail();
        assertTooMany(register(first, refused), 429);
        assertThat(jdbc.sql("select count(*) from users where email = :email")
                        .param("email", refused)
                        .query(Long.class)
                        .single())
                .isZero();

        ApiClient second = ApiClient.onPortFrom(port, "127.0.0.12");
        assertThat(register(second, newEmail()).status()).isEqualTo(201);
        assertThat(register(second, newEmail()).status()).isEqualTo(201);
        assertTooMany(register(second, newEmail()), 429);
        assertTooMany(register(ApiClient.onPortFrom(port, "127.0.0.13"), newEmail()), 429);
    }

    @Test
    void failedClientCredentialsAreLimitedPerAddress() {
        ApiClient guesser = ApiClient.onPortFrom(port, "127.0.0.14");
        assertThat(token(guesser, "wrong secret 1").status()).isEqualTo(401);
        assertThat(token(guesser, "wrong secret 2").status()).isEqualTo(401);

        assertTooMany(token(guesser, "wrong secret 3"), 429);
        assertThat(token(ApiClient.onPort(port), SECRET).status()).isEqualTo(200);
    }

    @Test
    void aFloodOfPasswordChecksIsRefusedWith503OnceTheHashingQueueIsFull() throws Exception {
        ApiClient flood = ApiClient.onPortFrom(port, "127.0.0.15");
        CountDownLatch start = new CountDownLatch(1);
        List<ApiResponse> responses = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ApiResponse>> sent = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                sent.add(threads.submit(() -> {
                    start.await();
                    return flood.post("/login")
                            .json("{\"email\":\"%s\",\"password\":\"guess\"}".formatted(newEmail()))
                            .send();
                }));
            }
            start.countDown();
            for (Future<ApiResponse> response : sent) {
                responses.add(response.get());
            }
        }

        assertThat(responses).extracting(ApiResponse::status).containsOnly(401, 503);
        assertThat(responses).filteredOn(r -> r.status() == 503).isNotEmpty().allSatisfy(r -> {
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.header("Retry-After")).isEqualTo("1");
            assertThat(r.json().path("type").asString()).isEqualTo("urn:finance-tracker:problem:service-unavailable");
        });
    }

    private static void assertTooMany(ApiResponse response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("Retry-After")).isNotBlank();
        assertThat(response.json().path("type").asString()).isEqualTo("urn:finance-tracker:problem:too-many-requests");
    }

    private static String newEmail() {
        return "hash-" + UUID.randomUUID() + "@example.com";
    }

    private static ApiResponse register(ApiClient api, String email) {
        return api.post("/register")
                .json("{\"email\":\"%s\",\"password\":\"a long password 1\"}".formatted(email))
                .send();
    }

    private static ApiResponse token(ApiClient api, String secret) {
        String basic =
                Base64.getEncoder().encodeToString(("expense-service:" + secret).getBytes(StandardCharsets.UTF_8));
        return api.post("/token")
                .header("Authorization", "Basic " + basic)
                .form("grant_type=client_credentials")
                .send();
    }
}
