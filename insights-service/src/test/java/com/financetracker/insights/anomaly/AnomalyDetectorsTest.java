package com.financetracker.insights.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AnomalyDetectorsTest {

    private static final LocalDate START = LocalDate.of(2025, 1, 6);

    @Test
    void anAmountTenTimesTheUsualAtAMerchantIsUnusual() {
        List<PastExpense> history = new ArrayList<>();
        for (int week = 0; week < 12; week++) {
            history.add(expense("POS CORNER DELI #12", "Food", 18 + week % 5, START.plusWeeks(week)));
        }

        assertThat(AnomalyDetectors.unusualAmount(
                        expense("POS CORNER DELI #12", "Food", 190, START.plusWeeks(13)), history))
                .hasValueSatisfying(unusual -> assertThat(unusual.usual()).isEqualByComparingTo("19.50"));
        assertThat(AnomalyDetectors.unusualAmount(
                        expense("POS CORNER DELI #12", "Food", 23, START.plusWeeks(13)), history))
                .isEmpty();
        assertThat(AnomalyDetectors.unusualAmount(
                        expense("POS CORNER DELI #12", "Food", 190, START.plusWeeks(13)), history.subList(0, 5)))
                .as("too little history at the merchant")
                .isEmpty();
    }

    @Test
    void theSameAmountAtTheSameMerchantWithinThreeDaysIsAPossibleDuplicate() {
        PastExpense first = expense("SQ *BLUE BOTTLE 11/02", "Food", 42.17, START);
        List<PastExpense> history = List.of(first, expense("SHELL 0423", "Transport", 42.17, START));

        assertThat(AnomalyDetectors.possibleDuplicate(
                        expense("SQ *BLUE BOTTLE 11/04", "Food", 42.17, START.plusDays(2)), history))
                .hasValueSatisfying(
                        duplicate -> assertThat(duplicate.duplicateOf()).isEqualTo(first.id()));
        assertThat(AnomalyDetectors.possibleDuplicate(
                        expense("SQ *BLUE BOTTLE", "Food", 42.17, START.plusDays(9)), history))
                .isEmpty();
        assertThat(AnomalyDetectors.possibleDuplicate(
                        expense("SQ *BLUE BOTTLE", "Food", 41.17, START.plusDays(1)), history))
                .isEmpty();
    }

    @Test
    void theUsualCoffeeIsNotADuplicate() {
        List<PastExpense> history = new ArrayList<>();
        for (int day = 0; day < 10; day += 2) {
            history.add(expense("STARBUCKS #0423", "Food", 4.75, START.plusDays(day)));
        }

        assertThat(AnomalyDetectors.possibleDuplicate(
                        expense("STARBUCKS #0423", "Food", 4.75, START.plusDays(11)), history))
                .isEmpty();
    }

    @Test
    void aMonthFarAboveTheCategorysTrendIsASurge() {
        List<PastExpense> history = new ArrayList<>();
        for (int month = 0; month < 6; month++) {
            for (int day = 1; day <= 28; day += 7) {
                history.add(expense(
                        "ZARA", "Shopping", 50, START.withDayOfMonth(day).plusMonths(month)));
            }
        }
        LocalDate asOf = START.withDayOfMonth(15).plusMonths(6);
        List<PastExpense> normal = new ArrayList<>(history);
        normal.add(expense("ZARA", "Shopping", 55, asOf.withDayOfMonth(3)));
        normal.add(expense("ZARA", "Shopping", 45, asOf.withDayOfMonth(10)));
        List<PastExpense> surging = new ArrayList<>(normal);
        surging.add(expense("BEST BUY", "Shopping", 450, asOf.withDayOfMonth(12)));

        assertThat(AnomalyDetectors.categorySurge("Shopping", "EUR", asOf, surging))
                .hasValueSatisfying(surge -> {
                    assertThat(surge.monthToDate()).isEqualByComparingTo("550.00");
                    assertThat(surge.usualMonth()).isEqualByComparingTo("200.00");
                });
        assertThat(AnomalyDetectors.categorySurge("Shopping", "EUR", asOf, normal))
                .isEmpty();
        assertThat(AnomalyDetectors.categorySurge("Shopping", "EUR", asOf, surging.subList(8, surging.size())))
                .as("too few months for a trend")
                .isEmpty();
    }

    private static PastExpense expense(String description, String category, double amount, LocalDate date) {
        return PastExpense.of(UUID.randomUUID(), description, category, BigDecimal.valueOf(amount), "EUR", date);
    }
}
