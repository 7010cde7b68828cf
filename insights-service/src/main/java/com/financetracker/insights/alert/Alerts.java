package com.financetracker.insights.alert;

import com.financetracker.insights.anomaly.AnomalyDetectors;
import com.financetracker.insights.anomaly.PastExpense;
import com.financetracker.insights.expense.ExpenseHistory;
import com.financetracker.insights.expense.KnownExpense;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's alerts, worked out from their own expenses of the last year each time they are asked for (so an
 * expense corrected or deleted takes its alert with it): charges far above the usual at a merchant and possible
 * duplicates among the last {@link #RECENT_DAYS} days. An alert's id comes from what it is about, so a dismissed alert
 * stays dismissed. A category whose month runs far above its trend is not an alert: measured on injected anomalies its
 * precision is far below 0.3 (docs/insights.md), so the forecast only marks it ({@code aboveTrend}).
 */
@Service
class Alerts {

    /** Expenses this recent can raise an alert of their own. */
    static final int RECENT_DAYS = 30;

    private static final int HISTORY_MONTHS = 12;

    private final ExpenseHistory history;
    private final DismissedAlertRepository dismissed;
    private final Clock clock;

    Alerts(ExpenseHistory history, DismissedAlertRepository dismissed, Clock clock) {
        this.history = history;
        this.dismissed = dismissed;
        this.clock = clock;
    }

    /** The person's alerts that they have not dismissed, newest first. */
    @Transactional(readOnly = true)
    List<AlertResponse> current(UUID userId) {
        Set<UUID> gone = dismissed.dismissed(userId);
        return all(userId).stream().filter(alert -> !gone.contains(alert.id())).toList();
    }

    /** Dismisses one of the person's alerts; false when they have no such alert (dismissing twice is fine). */
    @Transactional
    boolean dismiss(UUID userId, UUID alertId) {
        if (dismissed.dismissed(userId).contains(alertId)
                || all(userId).stream().anyMatch(alert -> alert.id().equals(alertId))) {
            dismissed.dismiss(userId, alertId);
            return true;
        }
        return false;
    }

    private List<AlertResponse> all(UUID userId) {
        LocalDate today = LocalDate.now(clock);
        List<KnownExpense> expenses =
                history.between(userId, today.minusMonths(HISTORY_MONTHS).withDayOfMonth(1), today);
        Map<UUID, KnownExpense> byId = expenses.stream()
                .collect(Collectors.toMap(KnownExpense::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<PastExpense> past = expenses.stream().map(Alerts::past).toList();
        // both detectors compare an expense with those at its merchant only: hand each just those
        Map<String, List<PastExpense>> byMerchant = past.stream().collect(Collectors.groupingBy(PastExpense::merchant));
        List<AlertResponse> alerts = new ArrayList<>();
        LocalDate recent = today.minusDays(RECENT_DAYS);
        for (PastExpense expense : past) {
            if (expense.date().isBefore(recent)) {
                continue;
            }
            KnownExpense known = byId.get(expense.id());
            List<PastExpense> atMerchant = byMerchant.get(expense.merchant());
            AnomalyDetectors.unusualAmount(expense, atMerchant)
                    .ifPresent(unusual -> alerts.add(unusualAmount(known, unusual)));
            AnomalyDetectors.possibleDuplicate(expense, atMerchant)
                    // a pair is one alert, raised by its later expense
                    .filter(duplicate -> isLater(known, byId.get(duplicate.duplicateOf())))
                    .ifPresent(duplicate -> alerts.add(possibleDuplicate(known, byId.get(duplicate.duplicateOf()))));
        }
        alerts.sort(Comparator.comparing(AlertResponse::createdAt).reversed());
        return alerts;
    }

    private static AlertResponse unusualAmount(KnownExpense expense, AnomalyDetectors.UnusualAmount unusual) {
        long times = Math.round(
                expense.amount().doubleValue() / Math.max(unusual.usual().doubleValue(), 0.01));
        String message = "%s at %s on %s is about %d times your usual %s there."
                .formatted(
                        money(expense.amount(), expense.currency()),
                        merchant(expense),
                        expense.date(),
                        times,
                        money(unusual.usual(), expense.currency()));
        return new AlertResponse(
                id("unusual-amount", expense.id().toString()),
                "unusual-amount",
                List.of(expense.id()),
                expense.category(),
                message,
                expense.recordedAt());
    }

    private static AlertResponse possibleDuplicate(KnownExpense later, KnownExpense earlier) {
        String days = earlier.date().equals(later.date())
                ? "on " + later.date()
                : "on " + earlier.date() + " and " + later.date();
        String message = "Two charges of %s at %s, %s: is one of them a duplicate?"
                .formatted(money(later.amount(), later.currency()), merchant(later), days);
        return new AlertResponse(
                id("possible-duplicate", earlier.id() + "/" + later.id()),
                "possible-duplicate",
                List.of(earlier.id(), later.id()),
                later.category(),
                message,
                later.recordedAt());
    }

    private static boolean isLater(KnownExpense expense, KnownExpense other) {
        Comparator<KnownExpense> order =
                Comparator.comparing(KnownExpense::date).thenComparing(e -> e.id().toString());
        return order.compare(expense, other) > 0;
    }

    private static UUID id(String kind, String about) {
        return UUID.nameUUIDFromBytes((kind + ":" + about).getBytes(StandardCharsets.UTF_8));
    }

    private static String merchant(KnownExpense expense) {
        String description =
                Objects.requireNonNullElse(expense.description(), "").strip();
        if (description.isEmpty()) {
            return "an unnamed merchant";
        }
        return description.length() > 40 ? description.substring(0, 40) + "…" : description;
    }

    private static String money(BigDecimal amount, String currency) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + currency;
    }

    private static PastExpense past(KnownExpense expense) {
        return PastExpense.of(
                expense.id(),
                Objects.requireNonNullElse(expense.description(), ""),
                expense.category(),
                expense.amount(),
                expense.currency(),
                expense.date());
    }
}
