package com.financetracker.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.financetracker.launcher.IsolatedStack;
import com.financetracker.launcher.Topology;
import com.financetracker.platform.test.ApiClient;
import com.financetracker.platform.test.ApiResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deleting an account through the user service purges the user's expenses in the expense service, even when the
 * expense service is down at that moment: the event waits in the user service's outbox and is delivered once the
 * expense service is back.
 */
class AccountDeletionTest {

    static IsolatedStack stack;

    @BeforeAll
    static void start() {
        stack = SystemStack.start(
                Map.of("FINANCE_EVENTS_MAXBACKOFF", "2s"), Topology.USER_SERVICE, Topology.EXPENSE_SERVICE);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void expensesArePurgedEvenWhenTheExpenseServiceWasDownAtDeletion() {
        ApiClient users = new ApiClient(stack.url(Topology.USER_SERVICE));
        ApiClient expenses = new ApiClient(stack.url(Topology.EXPENSE_SERVICE));
        String leaving = SystemStack.newUser(users, "leaving");
        String staying = SystemStack.newUser(users, "staying");
        for (int i = 1; i <= 3; i++) {
            assertThat(SystemStack.createExpense(expenses, leaving, i).status()).isEqualTo(201);
        }
        assertThat(SystemStack.createExpense(expenses, staying, 9).status()).isEqualTo(201);

        stack.stopService(Topology.EXPENSE_SERVICE);
        ApiResponse deleted = users.delete("/users/me")
                .bearer(leaving)
                .json("{\"password\":\"correct horse battery\"}")
                .send();
        assertThat(deleted.status()).isEqualTo(204);
        stack.startService(Topology.EXPENSE_SERVICE);

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() ->
                        expenses.get("/expenses").bearer(leaving).send().json().isEmpty());
        ApiResponse writeAfterDeletion = SystemStack.createExpense(expenses, leaving, 4);
        assertThat(writeAfterDeletion.status()).isEqualTo(403);
        assertThat(writeAfterDeletion.json().path("type").asString())
                .isEqualTo("urn:finance-tracker:problem:account-closed");
        assertThat(expenses.get("/categories").bearer(leaving).send().status()).isEqualTo(403);
        assertThat(expenses.get("/expenses").bearer(staying).send().json().size())
                .isEqualTo(1);
    }

    /** Registers a user and returns an access token. */
}
