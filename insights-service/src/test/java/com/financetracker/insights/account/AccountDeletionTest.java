package com.financetracker.insights.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.financetracker.insights.InsightsServiceTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccountDeletionTest extends InsightsServiceTest {

    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @Test
    void deletingAnAccountRemovesEverythingAboutThePersonAndIgnoresLateEvents() {
        created(expense("CORNER CAFE", "12.50", "Food", today.minusDays(1)));
        created(expense("CORNER CAFE", "12.50", "Food", today));
        String alert = api.get("/insights/alerts")
                .bearer(token)
                .send()
                .json()
                .get(0)
                .path("id")
                .asString();
        assertThat(api.post("/insights/alerts/" + alert + "/dismiss")
                        .bearer(token)
                        .send()
                        .status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(20)).until(() -> rows("models") == 1);
        UUID someoneElse = UUID.randomUUID();
        UUID me = userId;
        userId = someoneElse;
        created(expense("BAKERY", "3", "Food", today));
        userId = me;

        userDeleted(me);
        created(expense("LATE EVENT", "5", "Food", today));

        for (String table : List.of("expenses", "models", "dismissed_alerts", "retrain_queue")) {
            assertThat(rows(table)).as(table).isZero();
        }
        assertThat(jdbc.sql("select count(*) from expenses where user_id = :user")
                        .param("user", someoneElse)
                        .query(Long.class)
                        .single())
                .as("nobody else's data goes")
                .isEqualTo(1);
    }

    private long rows(String table) {
        return jdbc.sql("select count(*) from " + table + " where user_id = :user")
                .param("user", userId)
                .query(Long.class)
                .single();
    }
}
