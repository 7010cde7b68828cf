package com.financetracker.insights.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.insights.InsightsServiceTest;
import com.financetracker.platform.test.ApiResponse;
import com.financetracker.platform.test.TestTokens;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AlertApiTest extends InsightsServiceTest {

    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @Test
    void twoEqualChargesAtOneMerchantWithinDaysAreAPossibleDuplicateThatCanBeDismissed() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        created(expense(first, 1, "CORNER CAFE #12", "12.50", "Food", today.minusDays(2)));
        created(expense(second, 1, "CORNER CAFE #12", "12.50", "Food", today));
        created(expense("CORNER CAFE #12", "12.50", "Food", today.minusDays(20)));

        List<JsonNode> alerts = alerts();

        assertThat(alerts).hasSize(1);
        JsonNode alert = alerts.getFirst();
        assertThat(alert.path("kind").asString()).isEqualTo("possible-duplicate");
        assertThat(alert.path("message").asString())
                .isEqualTo("Two charges of 12.50 EUR at CORNER CAFE #12, on %s and %s: is one of them a duplicate?"
                        .formatted(today.minusDays(2), today));
        assertThat(List.of(
                        alert.path("expenseIds").get(0).asString(),
                        alert.path("expenseIds").get(1).asString()))
                .containsExactly(first.toString(), second.toString());

        ApiResponse dismissed = api.post("/insights/alerts/" + alert.path("id").asString() + "/dismiss")
                .bearer(token)
                .send();

        assertThat(dismissed.status()).isEqualTo(204);
        assertThat(alerts()).isEmpty();
    }

    @Test
    void aChargeFarAboveTheUsualAtAMerchantIsUnusual() {
        for (int i = 1; i <= 10; i++) {
            created(expense("GREEN GROCER", "20", "Food", today.minusDays(i * 7L)));
        }
        created(expense("GREEN GROCER", "400", "Food", today));

        assertThat(alerts()).extracting(alert -> alert.path("kind").asString()).contains("unusual-amount");
    }

    @Test
    void deletingTheExpenseTakesItsAlertAway() {
        UUID second = UUID.randomUUID();
        created(expense("CORNER CAFE", "12.50", "Food", today.minusDays(1)));
        created(expense(second, 1, "CORNER CAFE", "12.50", "Food", today));
        assertThat(alerts()).hasSize(1);

        deleted(second, 2);

        assertThat(alerts()).isEmpty();
    }

    @Test
    void anotherPersonsAlertCannotBeDismissed() {
        created(expense("CORNER CAFE", "12.50", "Food", today.minusDays(1)));
        created(expense("CORNER CAFE", "12.50", "Food", today));
        String id = alerts().getFirst().path("id").asString();

        ApiResponse refused = api.post("/insights/alerts/" + id + "/dismiss")
                .bearer(TestTokens.user(UUID.randomUUID()))
                .send();

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(alerts()).hasSize(1);
        assertThat(api.post("/insights/alerts/not-an-id/dismiss")
                        .bearer(token)
                        .send()
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/insights/alerts").send().status()).isEqualTo(401);
    }

    private List<JsonNode> alerts() {
        ApiResponse response = api.get("/insights/alerts").bearer(token).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> alerts = new ArrayList<>();
        response.json().forEach(alerts::add);
        return alerts;
    }
}
