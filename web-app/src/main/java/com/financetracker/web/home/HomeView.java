package com.financetracker.web.home;

import com.financetracker.web.api.Category;
import com.financetracker.web.api.Expense;
import com.financetracker.web.api.InsightsApi.Alert;
import com.financetracker.web.api.Summary;
import com.financetracker.web.view.Json;
import com.financetracker.web.view.Section;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What the home page shows, computed from the service's summaries. Totals stay per currency: amounts of different
 * currencies are never added. The charts show the main currency (the person's default when they spent in it this
 * month, else the one most used); the tables list every currency.
 */
public record HomeView(
        YearMonth month,
        Section<List<MonthTotal>> totals,
        Section<List<CategoryTotal>> categories,
        Section<Daily> daily,
        @Nullable Section<List<Expense>> latest,
        @Nullable Section<List<String>> categoryNames,
        @Nullable Section<List<Alert>> alerts) {

    /** This month's and last month's spending in one currency. */
    public record MonthTotal(String currency, BigDecimal thisMonth, BigDecimal lastMonth) {}

    /** One category's spending this month in one currency. */
    public record CategoryTotal(String category, String currency, BigDecimal total, long count) {}

    /** The spending of each day of the month, in the main currency. */
    public record Daily(String currency, List<LocalDate> days, List<BigDecimal> totals) {

        public String labelsJson() {
            return Json.strings(days.stream()
                    .map(day -> Integer.toString(day.getDayOfMonth()))
                    .toList());
        }

        public String valuesJson() {
            return Json.strings(totals.stream().map(BigDecimal::toPlainString).toList());
        }

        public boolean empty() {
            return totals.stream().allMatch(total -> total.signum() == 0);
        }
    }

    static HomeView of(
            YearMonth month,
            Section<Summary> months,
            Section<Summary> categories,
            Section<Summary> days,
            @Nullable Section<List<Expense>> latest,
            @Nullable Section<List<Category>> names,
            @Nullable Section<List<Alert>> alerts,
            String defaultCurrency) {
        Section<List<MonthTotal>> totals = months.ok()
                ? Section.of(monthTotals(months.value(), month, defaultCurrency))
                : Section.unavailable(months.unavailable());
        Section<List<CategoryTotal>> byCategory = categories.ok()
                ? Section.of(categoryTotals(categories.value(), defaultCurrency))
                : Section.unavailable(categories.unavailable());
        String main = byCategory.ok() && !byCategory.value().isEmpty()
                ? byCategory.value().getFirst().currency()
                : defaultCurrency;
        Section<Daily> daily =
                days.ok() ? Section.of(daily(days.value(), month, main)) : Section.unavailable(days.unavailable());
        Section<List<String>> categoryNames = names == null
                ? null
                : names.ok()
                        ? Section.of(names.value().stream().map(Category::name).toList())
                        : Section.unavailable(names.unavailable());
        return new HomeView(month, totals, byCategory, daily, latest, categoryNames, alerts);
    }

    /** The categories of the main currency (the first one listed), for the chart. */
    public List<CategoryTotal> chartCategories() {
        if (!categories.ok() || categories.value().isEmpty()) {
            return List.of();
        }
        String main = categories.value().getFirst().currency();
        return categories.value().stream()
                .filter(total -> total.currency().equals(main))
                .toList();
    }

    public String chartCurrency() {
        List<CategoryTotal> chart = chartCategories();
        return chart.isEmpty() ? "USD" : chart.getFirst().currency();
    }

    public String categoryLabelsJson() {
        return Json.strings(
                chartCategories().stream().map(CategoryTotal::category).toList());
    }

    public String categoryValuesJson() {
        return Json.strings(chartCategories().stream()
                .map(total -> total.total().toPlainString())
                .toList());
    }

    public List<String> names() {
        return categoryNames == null || !categoryNames.ok() ? List.of() : categoryNames.value();
    }

    private static List<MonthTotal> monthTotals(Summary summary, YearMonth month, String defaultCurrency) {
        String thisKey = month.toString();
        String lastKey = month.minusMonths(1).toString();
        Map<String, BigDecimal[]> byCurrency = new TreeMap<>();
        for (Summary.Group group : summary.groups()) {
            BigDecimal[] pair = byCurrency.computeIfAbsent(
                    group.currency(), c -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            if (thisKey.equals(group.key())) {
                pair[0] = pair[0].add(new BigDecimal(group.total()));
            } else if (lastKey.equals(group.key())) {
                pair[1] = pair[1].add(new BigDecimal(group.total()));
            }
        }
        List<MonthTotal> totals = new ArrayList<>();
        byCurrency.forEach((currency, pair) -> totals.add(new MonthTotal(currency, pair[0], pair[1])));
        totals.sort(Comparator.comparing((MonthTotal total) -> !total.currency().equals(defaultCurrency))
                .thenComparing(total -> total.thisMonth().signum() == 0)
                .thenComparing(MonthTotal::currency));
        return totals;
    }

    private static List<CategoryTotal> categoryTotals(Summary summary, String defaultCurrency) {
        Map<String, Long> countByCurrency = new LinkedHashMap<>();
        List<CategoryTotal> totals = new ArrayList<>();
        for (Summary.Group group : summary.groups()) {
            totals.add(new CategoryTotal(
                    group.key() == null ? "Other" : group.key(),
                    group.currency(),
                    new BigDecimal(group.total()),
                    group.count()));
            countByCurrency.merge(group.currency(), group.count(), Long::sum);
        }
        String main = countByCurrency.containsKey(defaultCurrency)
                ? defaultCurrency
                : countByCurrency.entrySet().stream()
                        .max(Map.Entry.comparingByValue())
                        .map(Map.Entry::getKey)
                        .orElse(defaultCurrency);
        totals.sort(
                Comparator.comparing((CategoryTotal total) -> !total.currency().equals(main))
                        .thenComparing(CategoryTotal::currency)
                        .thenComparing(CategoryTotal::total, Comparator.reverseOrder()));
        return totals;
    }

    private static Daily daily(Summary summary, YearMonth month, String currency) {
        Map<String, BigDecimal> byDay = new TreeMap<>();
        for (Summary.Group group : summary.groups()) {
            if (currency.equals(group.currency()) && group.key() != null) {
                byDay.merge(group.key(), new BigDecimal(group.total()), BigDecimal::add);
            }
        }
        List<LocalDate> days = new ArrayList<>();
        List<BigDecimal> totals = new ArrayList<>();
        for (int day = 1; day <= month.lengthOfMonth(); day++) {
            LocalDate date = month.atDay(day);
            days.add(date);
            totals.add(byDay.getOrDefault(date.toString(), BigDecimal.ZERO));
        }
        return new Daily(currency, days, totals);
    }
}
