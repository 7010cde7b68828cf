package com.financetracker.insights.anomaly;

import com.financetracker.insights.model.Descriptions;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An expense as the detectors see it; {@code merchant} is the normalized merchant key of its description, computed once
 * by {@link #of}.
 */
public record PastExpense(
        UUID id, String merchant, String category, BigDecimal amount, String currency, LocalDate date) {

    /** An expense whose merchant key is taken from its bank or card description. */
    public static PastExpense of(
            UUID id, String description, String category, BigDecimal amount, String currency, LocalDate date) {
        return new PastExpense(id, Descriptions.merchantKey(description), category, amount, currency, date);
    }
}
