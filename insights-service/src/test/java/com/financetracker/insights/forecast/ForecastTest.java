package com.financetracker.insights.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.insights.expense.KnownExpense;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ForecastTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final LocalDate TENTH = NOVEMBER.atDay(10);

    @Test
    void theRestOfTheMonthIsLearnedFromTheSameDaysOfEarlierMonths() {
        List<KnownExpense> expenses = List.of(
                spent("Food", "30", NOVEMBER.atDay(3)),
                // after the 10th in October, September, August: 100, 200, 300
                spent("Food", "100", LocalDate.of(2026, 10, 20)),
                spent("Food", "200", LocalDate.of(2026, 9, 15)),
                spent("Food", "300", LocalDate.of(2026, 8, 25)),
                // before the 10th: not part of what is left to spend
                spent("Food", "999", LocalDate.of(2026, 10, 2)));

        Forecast forecast = Forecast.of(NOVEMBER, expenses, TENTH);

        assertThat(forecast.categories())
                .containsExactly(new Forecast.CategoryForecast(
                        "Food", "EUR", money("30.00"), money("230.00"), money("130.00"), money("330.00"), false));
    }

    @Test
    void withoutEarlierMonthsTheMonthGoesOnAtItsPace() {
        Forecast forecast = Forecast.of(NOVEMBER, List.of(spent("Transport", "20", NOVEMBER.atDay(2))), TENTH);

        assertThat(forecast.categories())
                .containsExactly(new Forecast.CategoryForecast(
                        "Transport", "EUR", money("20.00"), money("60.00"), money("20.00"), money("60.00"), false));
    }

    @Test
    void aMonthThatIsOverHasNothingLeftToExpectAndCurrenciesStayApart() {
        Forecast forecast = Forecast.of(
                YearMonth.of(2026, 10),
                List.of(
                        spent("Food", "12", LocalDate.of(2026, 10, 5)),
                        spent("Food", "7", "USD", LocalDate.of(2026, 10, 6))),
                TENTH);

        assertThat(forecast.categories())
                .extracting(c -> c.currency() + " " + c.spentSoFar() + " " + c.expected() + " " + c.high())
                .containsExactlyInAnyOrder("EUR 12.00 12.00 12.00", "USD 7.00 7.00 7.00");
    }

    private static KnownExpense spent(String category, String amount, LocalDate date) {
        return spent(category, amount, "EUR", date);
    }

    private static KnownExpense spent(String category, String amount, String currency, LocalDate date) {
        return new KnownExpense(
                UUID.randomUUID(), "x", new BigDecimal(amount), currency, date, category, Instant.EPOCH);
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }
}
