package com.financetracker.insights.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.insights.InsightsServiceTest;
import com.financetracker.platform.test.ApiResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ForecastApiTest extends InsightsServiceTest {

    @Test
    void theCurrentMonthByDefaultWithAmountsInTheCurrencysDigits() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        created(expense("Groceries", "42.5", "Food", today));

        ApiResponse response = api.get("/insights/forecast").bearer(token).send();

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("month").asString())
                .isEqualTo(YearMonth.from(today).toString());
        assertThat(response.json().path("categories").get(0).path("category").asString())
                .isEqualTo("Food");
        assertThat(response.json().path("categories").get(0).path("spentSoFar").asString())
                .isEqualTo("42.50");
    }

    @Test
    void anInvalidMonthIsAProblem() {
        ApiResponse response =
                api.get("/insights/forecast?month=November").bearer(token).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.get("/insights/forecast").send().status()).isEqualTo(401);
    }
}
