package com.financetracker.users.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.platform.test.ApiResponse;
import com.financetracker.users.UserServiceTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** Guessing passwords in parallel gets no more checks than one guess after another. */
class LoginThrottleTest extends UserServiceTest {

    @Test
    void parallelWrongPasswordsAreCheckedAtMostFiveTimes() throws Exception {
        String email = newEmail();
        register(email, PASSWORD);

        List<ApiResponse> responses = inParallel(60, i -> login(email, "wrong password " + i));

        assertThat(responses).filteredOn(r -> r.status() == 401).hasSizeLessThanOrEqualTo(5);
        assertThat(responses).filteredOn(r -> r.status() != 401).allSatisfy(r -> {
            assertProblem(r, 429, "too-many-requests");
            assertThat(r.header("Retry-After")).isNotBlank();
        });
    }

    @Test
    void parallelLoginsWithTheRightPasswordAllSucceed() throws Exception {
        String email = newEmail();
        register(email, PASSWORD);

        List<ApiResponse> responses = inParallel(20, i -> login(email, PASSWORD));

        assertThat(responses)
                .allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(200));
    }

    /** Sends {@code count} requests at once, each on its own thread, released together. */
    static List<ApiResponse> inParallel(int count, IntFunction<ApiResponse> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ApiResponse>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                sent.add(threads.submit(() -> {
                    start.await();
                    return request.apply(n);
                }));
            }
            start.countDown();
            List<ApiResponse> responses = new ArrayList<>();
            for (Future<ApiResponse> response : sent) {
                responses.add(response.get());
            }
            return responses;
        }
    }
}
