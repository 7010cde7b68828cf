package com.financetracker.expenses.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.expenses.ExpenseServiceTest;
import com.financetracker.platform.test.ApiResponse;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** When the service cannot get a database connection in time, a request is told to come back, not given a 500. */
class DatabaseBusyTest extends ExpenseServiceTest {

    @Autowired
    private HikariDataSource dataSource;

    @Test
    void aRequestThatGetsNoConnectionIsAnsweredWith503AndRetryAfter() throws Exception {
        List<Connection> taken = new ArrayList<>();
        ApiResponse list;
        ApiResponse create;
        try {
            while (taken.size() < dataSource.getMaximumPoolSize()) {
                taken.add(dataSource.getConnection());
            }
            // both at once, so that the test waits out the pool's connection timeout once, not twice
            CompletableFuture<ApiResponse> listing = CompletableFuture.supplyAsync(
                    () -> api.get("/expenses").bearer(token).send());
            create = create(token, expense("1", "Food", "2026-01-01"));
            list = listing.join();
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
        }

        for (ApiResponse response : List.of(list, create)) {
            assertProblem(response, 503, "service-unavailable");
            assertThat(response.header("Retry-After")).isEqualTo("5");
        }
        assertThat(api.get("/expenses").bearer(token).send().status()).isEqualTo(200);
    }
}
