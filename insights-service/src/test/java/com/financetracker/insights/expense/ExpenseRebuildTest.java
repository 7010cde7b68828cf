package com.financetracker.insights.expense;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.financetracker.contracts.ExpenseChanged;
import com.financetracker.insights.InsightsServiceTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ExpenseRebuildTest extends InsightsServiceTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @Autowired
    ExpenseRebuild rebuild;

    @AfterEach
    void forgetHistory() {
        EXPENSE_SERVICE_HISTORY.clear();
    }

    @Test
    void aWipedDatabaseIsRebuiltFromTheExpenseServicePageByPageWithoutUndoingNewerEvents() {
        IntStream.range(0, 2500).forEach(i -> EXPENSE_SERVICE_HISTORY.add(expense("Lunch " + i, "10", "Food", DAY)));
        UUID taxi = UUID.randomUUID();
        UUID gone = UUID.randomUUID();
        EXPENSE_SERVICE_HISTORY.add(expense(taxi, 1, "Taxi", "30", "Transport", DAY));
        EXPENSE_SERVICE_HISTORY.add(expense(gone, 1, "Gone", "5", "Food", DAY));
        // events that overtook the rebuild: a newer version, and a deletion
        updated(expense(taxi, 2, "Taxi", "30", "Travel", DAY));
        deleted(gone, 2);
        EXPENSE_SERVICE_CALLERS.clear();

        jdbc.sql("delete from rebuild").update();
        rebuild.wakeUp();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from rebuild where completed_at is not null")
                                .query(Long.class)
                                .single()
                        == 1);
        Map<String, String> categories = categoriesByDescription();
        assertThat(categories).hasSize(2501);
        assertThat(categories).containsEntry("Taxi", "Travel").doesNotContainKey("Gone");
        assertThat(EXPENSE_SERVICE_CALLERS)
                .as("three pages of 1000, each with the service's token")
                .hasSize(3)
                .allMatch(authorization -> authorization.startsWith("Bearer ey"));
    }

    @Test
    void aRebuiltExpenseIsOnlyStoredWhenNewerThanTheCopy() {
        ExpenseChanged lunch = expense("Lunch", "10", "Food", DAY);
        created(new ExpenseChanged(
                lunch.userId(), lunch.expenseId(), 3, "Lunch", lunch.amount(), "EUR", DAY, "Eating out"));
        EXPENSE_SERVICE_HISTORY.add(lunch);

        jdbc.sql("delete from rebuild").update();
        rebuild.wakeUp();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from rebuild where completed_at is not null")
                                .query(Long.class)
                                .single()
                        == 1);
        assertThat(categoriesByDescription()).containsOnly(Map.entry("Lunch", "Eating out"));
    }
}
