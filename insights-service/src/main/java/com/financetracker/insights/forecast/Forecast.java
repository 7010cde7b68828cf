package com.financetracker.insights.forecast;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.financetracker.insights.anomaly.AnomalyDetectors;
import com.financetracker.insights.anomaly.PastExpense;
import com.financetracker.insights.expense.KnownExpense;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Expected spending per category and currency to the end of a month: what was spent so far, plus what the person
 * spent after the same day in each of the months before (as many as there are, up to {@link #HISTORY}). The expected
 * value adds their mean, the range their least and most. Without earlier months the month goes on at its pace so far.
 * A month that is over has nothing left to expect; amounts of different currencies are never added. In the current
 * month, a category running far above its trend is marked: a passive trend, not an alert (see {@code Alerts}).
 */
record Forecast(YearMonth month, List<CategoryForecast> categories) {

    /** How many earlier months the rest of a month is learned from. */
    static final int HISTORY = 6;

    /** One category's month in one currency; amounts are sent as strings with the currency's decimals ("12.50"). */
    record CategoryForecast(
            String category,
            String currency,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal spentSoFar,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal expected,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal low,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal high,
            boolean aboveTrend) {}

    /**
     * @param expenses the person's expenses from {@link #HISTORY} months before the month to its end
     * @param today the day it is now
     */
    static Forecast of(YearMonth month, List<KnownExpense> expenses, LocalDate today) {
        int elapsedDays = elapsedDays(month, today);
        LocalDate firstExpense = expenses.stream()
                .map(KnownExpense::date)
                .min(Comparator.naturalOrder())
                .orElse(today);
        List<YearMonth> earlier = new ArrayList<>();
        for (int back = 1; back <= HISTORY; back++) {
            YearMonth previous = month.minusMonths(back);
            if (!previous.atEndOfMonth().isBefore(firstExpense)) {
                earlier.add(previous);
            }
        }
        List<PastExpense> past = expenses.stream()
                .map(expense -> PastExpense.of(
                        expense.id(),
                        Objects.requireNonNullElse(expense.description(), ""),
                        expense.category(),
                        expense.amount(),
                        expense.currency(),
                        expense.date()))
                .toList();
        Map<Key, BigDecimal> soFar = new TreeMap<>();
        Map<Key, Map<YearMonth, BigDecimal>> restOfEarlier = new HashMap<>();
        for (KnownExpense expense : expenses) {
            Key key = new Key(expense.category(), expense.currency());
            YearMonth of = YearMonth.from(expense.date());
            if (of.equals(month) && expense.date().getDayOfMonth() <= elapsedDays) {
                soFar.merge(key, expense.amount(), BigDecimal::add);
            } else if (earlier.contains(of) && expense.date().getDayOfMonth() > elapsedDays) {
                restOfEarlier.computeIfAbsent(key, k -> new HashMap<>()).merge(of, expense.amount(), BigDecimal::add);
                soFar.putIfAbsent(key, BigDecimal.ZERO);
            }
        }
        List<CategoryForecast> categories = new ArrayList<>();
        soFar.forEach((key, spent) -> {
            List<BigDecimal> rests = earlier.stream()
                    .map(previous -> restOfEarlier.getOrDefault(key, Map.of()).getOrDefault(previous, BigDecimal.ZERO))
                    .toList();
            boolean aboveTrend = YearMonth.from(today).equals(month)
                    && AnomalyDetectors.categorySurge(key.category(), key.currency(), today, past)
                            .isPresent();
            categories.add(forecast(key, spent, rests, elapsedDays, month.lengthOfMonth(), aboveTrend));
        });
        categories.sort(Comparator.comparing(CategoryForecast::expected).reversed());
        return new Forecast(month, categories);
    }

    private static CategoryForecast forecast(
            Key key, BigDecimal spent, List<BigDecimal> rests, int elapsedDays, int monthDays, boolean aboveTrend) {
        int scale = scale(key.currency());
        if (elapsedDays == monthDays) {
            BigDecimal total = spent.setScale(scale, RoundingMode.HALF_UP);
            return new CategoryForecast(key.category(), key.currency(), total, total, total, total, false);
        }
        BigDecimal expected;
        BigDecimal low;
        BigDecimal high;
        if (rests.isEmpty()) {
            // no earlier month to learn from: the month goes on at its pace so far
            BigDecimal paced = elapsedDays == 0
                    ? spent
                    : spent.multiply(BigDecimal.valueOf(monthDays))
                            .divide(BigDecimal.valueOf(elapsedDays), scale, RoundingMode.HALF_UP);
            expected = paced;
            low = spent;
            high = paced;
        } else {
            BigDecimal sum = rests.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            expected = spent.add(sum.divide(BigDecimal.valueOf(rests.size()), scale, RoundingMode.HALF_UP));
            low = spent.add(rests.stream().min(Comparator.naturalOrder()).orElseThrow());
            high = spent.add(rests.stream().max(Comparator.naturalOrder()).orElseThrow());
        }
        return new CategoryForecast(
                key.category(),
                key.currency(),
                spent.setScale(scale, RoundingMode.HALF_UP),
                expected.setScale(scale, RoundingMode.HALF_UP),
                low.setScale(scale, RoundingMode.HALF_UP),
                high.setScale(scale, RoundingMode.HALF_UP),
                aboveTrend);
    }

    /** Days of the month already behind: all of a past month, none of a future one. */
    private static int elapsedDays(YearMonth month, LocalDate today) {
        YearMonth current = YearMonth.from(today);
        if (month.isBefore(current)) {
            return month.lengthOfMonth();
        }
        return month.isAfter(current) ? 0 : today.getDayOfMonth();
    }

    private static int scale(String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return Math.max(digits, 0);
    }

    private record Key(String category, String currency) implements Comparable<Key> {

        @Override
        public int compareTo(Key other) {
            return Comparator.comparing(Key::category, String.CASE_INSENSITIVE_ORDER)
                    .thenComparing(Key::currency)
                    .compare(this, other);
        }
    }
}
