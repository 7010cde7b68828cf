package com.financetracker.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.financetracker.launcher.IsolatedStack;
import com.financetracker.launcher.Topology;
import com.financetracker.platform.test.ApiClient;
import com.financetracker.platform.test.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
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

    /**
     * A service's credentials let it send only its own events: the expense service's client, with a token the user
     * service really issued to it, cannot purge a person by sending user.deleted.
     */
    @Test
    void anotherServicesTokenCannotPurgeAPerson() {
        ApiClient users = new ApiClient(stack.url(Topology.USER_SERVICE));
        ApiClient expenses = new ApiClient(stack.url(Topology.EXPENSE_SERVICE));
        String victim = SystemStack.newUser(users, "victim");
        assertThat(SystemStack.createExpense(expenses, victim, 1).status()).isEqualTo(201);
        String victimId =
                users.get("/users/me").bearer(victim).send().json().path("id").asString();
        String secret = stack.credentials().clientSecrets().get(Topology.EXPENSE_SERVICE);
        String basic = Base64.getEncoder()
                .encodeToString((Topology.EXPENSE_SERVICE + ":" + secret).getBytes(StandardCharsets.UTF_8));
        ApiResponse granted = users.post("/token")
                .header("Authorization", "Basic " + basic)
                .form("grant_type=client_credentials")
                .send();
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);

        ApiResponse forged = expenses.post("/internal/events")
                .bearer(granted.json().path("access_token").asString())
                .json("""
                        {"id":"%s","type":"user.deleted","key":"%s","occurredAt":"%s",
                         "payload":{"userId":"%s","deletedAt":"%s"}}""".formatted(UUID.randomUUID(), victimId, Instant.now(), victimId, Instant.now()))
                .send();

        assertThat(forged.status()).as(forged.body()).isEqualTo(403);
        assertThat(forged.json().path("detail").asString())
                .isEqualTo("expense-service may not send user.deleted events: only user-service sends them");
        assertThat(expenses.get("/expenses").bearer(victim).send().json().size())
                .isEqualTo(1);
        assertThat(SystemStack.createExpense(expenses, victim, 2).status()).isEqualTo(201);
    }
}
