package com.financetracker.insights.anomaly;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Three detectors of unusual spending, each a plain function of a person's past expenses (any order, the candidate may
 * or may not be among them). None keeps state; each is linear in the history, so a year of expenses takes microseconds.
 */
public final class AnomalyDetectors {

    /** Fewer past expenses at a merchant than this and nothing is unusual there yet. */
    public static final int MIN_MERCHANT_HISTORY = 8;

    /**
     * How far above the median, in robust standard deviations (1.4826 × MAD) of the logarithm of the amounts, an
     * amount must be: amounts spread multiplicatively, so a shop where one pays 5 or 50 is judged on that scale.
     */
    public static final double UNUSUAL_SCORE = 3.5;

    /** …and how many times the median it must at least be. */
    public static final double UNUSUAL_RATIO = 2.5;

    /** Days between two charges of the same amount at the same merchant that make a possible duplicate. */
    public static final int DUPLICATE_DAYS = 3;

    /** Previous months (of {@link #TREND_MONTHS}) with spending in the category needed for a trend. */
    public static final int MIN_TREND_MONTHS = 5;

    /** Months before the current one that make the trend. */
    public static final int TREND_MONTHS = 6;

    /** How many times the usual spending to the same day of the month the month-to-date must reach. */
    public static final double SURGE_RATIO = 2.5;

    /** …and how many times a usual whole month. */
    public static final double SURGE_MONTHS = 2;

    /** …and by how much of the person's usual monthly spending, all categories together: it must matter. */
    public static final double SURGE_SHARE_OF_SPENDING = 0.05;

    /** Earlier charges of exactly this amount at the merchant that make it a habit (a usual coffee), not a mistake. */
    public static final int HABITUAL_AMOUNT = 2;

    private AnomalyDetectors() {}

    /** An amount far above the usual at this merchant: the usual median, and how many robust deviations above (log). */
    public record UnusualAmount(UUID expenseId, BigDecimal usual, double score) {}

    /** Two charges of the same amount at the same merchant, a few days apart. */
    public record PossibleDuplicate(UUID expenseId, UUID duplicateOf, long daysApart) {}

    /**
     * A category whose spending so far this month is far above the same days of the previous months: {@code
     * expectedToDate} is the mean over those months up to the same day, {@code usualMonth} their mean whole month.
     */
    public record CategorySurge(
            String category,
            YearMonth month,
            BigDecimal monthToDate,
            BigDecimal expectedToDate,
            BigDecimal usualMonth) {}

    /**
     * Whether {@code expense} costs far more than the person's other expenses at the same merchant in the same currency:
     * at least {@link #MIN_MERCHANT_HISTORY} of them, more than {@link #UNUSUAL_SCORE} robust deviations of the log
     * amounts (median and median absolute deviation, so that one earlier outlier does not hide the next) and {@link
     * #UNUSUAL_RATIO} times the median above it. Only amounts above the usual are reported.
     */
    public static Optional<UnusualAmount> unusualAmount(PastExpense expense, List<PastExpense> history) {
        double[] amounts = history.stream()
                .filter(past -> !past.id().equals(expense.id())
                        && past.merchant().equals(expense.merchant())
                        && past.currency().equals(expense.currency()))
                .mapToDouble(past -> past.amount().doubleValue())
                .toArray();
        if (amounts.length < MIN_MERCHANT_HISTORY || expense.merchant().isEmpty()) {
            return Optional.empty();
        }
        double median = median(amounts);
        double[] logs =
                Arrays.stream(amounts).map(a -> Math.log(Math.max(a, 0.01))).toArray();
        double logMedian = median(logs);
        double[] deviations =
                Arrays.stream(logs).map(l -> Math.abs(l - logMedian)).toArray();
        // a subscription's MAD is zero; a floor of 10 % keeps a small price rise from counting
        double spread = Math.max(1.4826 * median(deviations), 0.1);
        double amount = expense.amount().doubleValue();
        double score = (Math.log(Math.max(amount, 0.01)) - logMedian) / spread;
        if (score > UNUSUAL_SCORE && amount > UNUSUAL_RATIO * median) {
            return Optional.of(new UnusualAmount(expense.id(), money(median), score));
        }
        return Optional.empty();
    }

    /**
     * Whether another expense has the same amount, currency and merchant as {@code expense} and lies within {@link
     * #DUPLICATE_DAYS} days of it; the closest such expense is named. An amount the person has paid there more than
     * {@link #HABITUAL_AMOUNT} times before (the usual coffee) is a habit, not a duplicate.
     */
    public static Optional<PossibleDuplicate> possibleDuplicate(PastExpense expense, List<PastExpense> history) {
        PastExpense closest = null;
        long closestDays = Long.MAX_VALUE;
        int sameAmount = 0;
        for (PastExpense past : history) {
            if (past.id().equals(expense.id())
                    || past.amount().compareTo(expense.amount()) != 0
                    || !past.currency().equals(expense.currency())
                    || !past.merchant().equals(expense.merchant())) {
                continue;
            }
            sameAmount++;
            long days = Math.abs(ChronoUnit.DAYS.between(past.date(), expense.date()));
            if (days <= DUPLICATE_DAYS && days < closestDays) {
                closest = past;
                closestDays = days;
            }
        }
        return closest == null || sameAmount > HABITUAL_AMOUNT
                ? Optional.empty()
                : Optional.of(new PossibleDuplicate(expense.id(), closest.id(), closestDays));
    }

    /**
     * Whether {@code category}'s spending in {@code currency} from the first of {@code asOf}'s month to {@code asOf}
     * (inclusive) runs far above its trend: at least {@link #SURGE_RATIO} times the mean of the previous {@link
     * #TREND_MONTHS} months up to the same day, already {@link #SURGE_MONTHS} times their mean whole month, and above
     * the expected by {@link #SURGE_SHARE_OF_SPENDING} of the person's usual monthly spending in all categories. Needs
     * spending in the category in {@link #MIN_TREND_MONTHS} of those months, so that rare categories (travel) stay
     * quiet.
     */
    public static Optional<CategorySurge> categorySurge(
            String category, String currency, LocalDate asOf, List<PastExpense> history) {
        YearMonth month = YearMonth.from(asOf);
        double[] toDate = new double[TREND_MONTHS + 1]; // index 0 is this month, i is i months before
        double[] whole = new double[TREND_MONTHS + 1];
        double allCategories = 0;
        for (PastExpense past : history) {
            if (!past.currency().equals(currency)) {
                continue;
            }
            long monthsBefore = ChronoUnit.MONTHS.between(YearMonth.from(past.date()), month);
            if (monthsBefore < 0 || monthsBefore > TREND_MONTHS) {
                continue;
            }
            if (monthsBefore > 0) {
                allCategories += past.amount().doubleValue();
            }
            if (!past.category().equals(category)) {
                continue;
            }
            int index = (int) monthsBefore;
            double amount = past.amount().doubleValue();
            if (index == 0) {
                if (!past.date().isAfter(asOf)) {
                    toDate[0] += amount;
                }
                continue;
            }
            whole[index] += amount;
            if (past.date().getDayOfMonth() <= asOf.getDayOfMonth()) {
                toDate[index] += amount;
            }
        }
        List<Integer> months = new ArrayList<>();
        for (int i = 1; i <= TREND_MONTHS; i++) {
            if (whole[i] > 0) {
                months.add(i);
            }
        }
        if (months.size() < MIN_TREND_MONTHS) {
            return Optional.empty();
        }
        double expected = months.stream().mapToDouble(i -> toDate[i]).sum() / months.size();
        double usual = months.stream().mapToDouble(i -> whole[i]).sum() / months.size();
        double spending = allCategories / TREND_MONTHS;
        if (toDate[0] >= SURGE_RATIO * expected
                && toDate[0] >= SURGE_MONTHS * usual
                && toDate[0] - expected >= SURGE_SHARE_OF_SPENDING * spending) {
            return Optional.of(new CategorySurge(category, month, money(toDate[0]), money(expected), money(usual)));
        }
        return Optional.empty();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static BigDecimal money(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
