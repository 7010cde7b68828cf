package com.financetracker.insights.expense;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.contracts.ExpenseChanged;
import com.financetracker.contracts.UserDeleted;
import com.financetracker.insights.InsightsServiceTest;
import com.financetracker.platform.test.ApiResponse;
import com.financetracker.platform.test.TestTokens;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExpenseEventsTest extends InsightsServiceTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @Test
    void createdUpdatedAndDeletedExpensesKeepTheCopyCurrent() {
        UUID lunch = UUID.randomUUID();
        created(expense(lunch, 1, "Lunch", "12.50", "Food", DAY));
        created(expense("Taxi", "30", "Transport", DAY));
        updated(expense(lunch, 2, "Lunch with Sam", "25.00", "Eating out", DAY));

        assertThat(categoriesByDescription())
                .containsOnly(Map.entry("Lunch with Sam", "Eating out"), Map.entry("Taxi", "Transport"));

        deleted(lunch, 3);

        assertThat(categoriesByDescription()).containsOnly(Map.entry("Taxi", "Transport"));
    }

    @Test
    void anEventDeliveredTwiceIsAppliedOnce() {
        UUID eventId = UUID.randomUUID();
        ExpenseChanged lunch = expense("Lunch", "12.50", "Food", DAY);

        ApiResponse first = deliver(eventId, ExpenseChanged.CREATED, lunch.key(), lunch);
        ApiResponse again = deliver(eventId, ExpenseChanged.CREATED, lunch.key(), lunch);

        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().path("outcome").asString()).isEqualTo("duplicate");
        assertThat(jdbc.sql("select count(*) from expenses where user_id = :user")
                        .param("user", userId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void anOlderVersionNeverOverwritesANewerOneNorBringsBackADeletedExpense() {
        UUID lunch = UUID.randomUUID();
        updated(expense(lunch, 3, "Lunch", "12.50", "Eating out", DAY));
        updated(expense(lunch, 2, "Lunch", "12.50", "Food", DAY));
        assertThat(categoriesByDescription()).containsOnly(Map.entry("Lunch", "Eating out"));

        deleted(lunch, 4);
        created(expense(lunch, 1, "Lunch", "12.50", "Food", DAY));

        assertThat(categoriesByDescription()).isEmpty();
    }

    @Test
    void renamesAndMergesMoveThePersonsExpensesOnly() {
        created(expense("Bread", "3", "Food", DAY));
        created(expense("Cinema", "12", "Fun", DAY));
        created(expense("Concert", "40", "Entertainment", DAY));
        UUID someoneElse = UUID.randomUUID();
        ExpenseChanged theirs = new ExpenseChanged(
                someoneElse, UUID.randomUUID(), 1, "Apples", new java.math.BigDecimal("2"), "EUR", DAY, "Food");
        deliver(ExpenseChanged.CREATED, theirs.key(), theirs);

        renamed("food", "Groceries");
        merged("Fun", "Entertainment");

        assertThat(categoriesByDescription())
                .containsOnly(
                        Map.entry("Bread", "Groceries"),
                        Map.entry("Cinema", "Entertainment"),
                        Map.entry("Concert", "Entertainment"));
        assertThat(jdbc.sql("select category from expenses where user_id = :user")
                        .param("user", someoneElse)
                        .query(String.class)
                        .single())
                .isEqualTo("Food");
    }

    @Test
    void invalidEventsAreRefusedAndChangeNothing() {
        ExpenseChanged noCategory = new ExpenseChanged(
                userId, UUID.randomUUID(), 1, "Lunch", new java.math.BigDecimal("-1"), "EUR", DAY, "");

        ApiResponse refused = deliver(ExpenseChanged.CREATED, noCategory.key(), noCategory);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(categoriesByDescription()).isEmpty();
    }

    @Test
    void onlyTheExpenseServiceSendsExpenseEventsAndOnlyTheUserServicePurgesAUser() {
        ExpenseChanged lunch = expense("Lunch", "12.50", "Food", DAY);
        created(lunch);
        ExpenseChanged forgedLunch = expense("Forged", "999", "Food", DAY);
        UserDeleted deleted = new UserDeleted(userId, Instant.now());

        for (String service : List.of("web-app", "insights-service", "analytics-service", "user-service")) {
            ApiResponse forged =
                    deliverAs(service, UUID.randomUUID(), ExpenseChanged.CREATED, forgedLunch.key(), forgedLunch);
            assertThat(forged.status()).as(forged.body()).isEqualTo(403);
            assertThat(forged.json().path("detail").asString())
                    .isEqualTo(service + " may not send expense.created events: only expense-service sends them");
        }
        for (String service : List.of("expense-service", "web-app", "insights-service")) {
            ApiResponse forged = deliverAs(service, UUID.randomUUID(), UserDeleted.TYPE, deleted.key(), deleted);
            assertThat(forged.status()).as(forged.body()).isEqualTo(403);
        }

        assertThat(categoriesByDescription()).containsOnly(Map.entry("Lunch", "Food"));
        userDeleted(userId);
        assertThat(categoriesByDescription())
                .as("the user service's own event still applies")
                .isEmpty();
    }

    @Test
    void onlyServicesMayDeliverEvents() {
        ExpenseChanged lunch = expense("Lunch", "12.50", "Food", DAY);
        String envelope = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"expense.created\",\"key\":\"k\","
                + "\"occurredAt\":\"2026-11-23T10:00:00Z\",\"payload\":{}}";

        assertThat(api.post("/internal/events").json(envelope).send().status()).isEqualTo(401);
        assertThat(api.post("/internal/events")
                        .bearer(token)
                        .json(envelope)
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/internal/events")
                        .bearer(TestTokens.user(lunch.userId()))
                        .json(envelope)
                        .send()
                        .status())
                .isEqualTo(403);
    }
}
