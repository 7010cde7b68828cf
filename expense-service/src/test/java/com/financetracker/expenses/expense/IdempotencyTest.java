package com.financetracker.expenses.expense;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.expenses.ExpenseServiceTest;
import com.financetracker.platform.test.ApiResponse;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class IdempotencyTest extends ExpenseServiceTest {

    @Test
    void repeatingARequestWithItsKeyReturnsTheFirstAnswerAndCreatesNothing() {
        ApiResponse first = createWithKey("key-1", expense("7.00", "Food", "2026-03-01"));
        ApiResponse again = createWithKey("key-1", "{\"date\":\"2026-03-01\",\"category\":\"food\",\"amount\":7}");

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void sameKeyWithADifferentBodyIs422() {
        createWithKey("key-2", expense("7.00", "Food", "2026-03-01"));

        ApiResponse different = createWithKey("key-2", expense("8.00", "Food", "2026-03-01"));

        assertProblem(different, 422, "idempotency-key-reused");
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void keysBelongToTheirUser() {
        createWithKey("shared-key", expense("7.00", "Food", "2026-03-01"));
        String other = com.financetracker.platform.test.TestTokens.user(java.util.UUID.randomUUID());

        ApiResponse response = api.post("/expenses")
                .bearer(other)
                .header("Idempotency-Key", "shared-key")
                .json(expense("9.00", "Food", "2026-03-01"))
                .send();

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().path("amount").asString()).isEqualTo("9.00");
    }

    @Test
    void concurrentRepeatsCreateOneExpense() throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Callable<ApiResponse>> calls = java.util.stream.IntStream.range(0, 8)
                    .<Callable<ApiResponse>>mapToObj(
                            i -> () -> createWithKey("race", expense("5.00", "Food", "2026-03-02")))
                    .toList();
            List<String> ids = pool.invokeAll(calls).stream()
                    .map(IdempotencyTest::get)
                    .map(response -> response.json().path("id").asString())
                    .distinct()
                    .toList();

            assertThat(ids).hasSize(1);
        }
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void invalidKeysAreRejected() {
        ApiResponse spaces = createWithKey("has spaces", expense("1", "Food", "2026-03-01"));
        ApiResponse tooLong = createWithKey("k".repeat(201), expense("1", "Food", "2026-03-01"));

        assertProblem(spaces, 400, "validation");
        assertProblem(tooLong, 400, "validation");
        assertThat(count()).isZero();
    }

    private ApiResponse createWithKey(String key, String body) {
        return api.post("/expenses")
                .bearer(token)
                .header("Idempotency-Key", key)
                .json(body)
                .send();
    }

    private int count() {
        return jdbc.sql("select count(*) from expenses where user_id = :user")
                .param("user", userId)
                .query(Integer.class)
                .single();
    }

    private static ApiResponse get(Future<ApiResponse> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
