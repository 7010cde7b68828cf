package com.financetracker.expenses.summary;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Totals per group and currency; amounts in different currencies are never added together.
 *
 * @param from first day covered, when limited
 * @param to last day covered, when limited
 * @param groups one entry per group and currency
 */
record SummaryResponse(@Nullable LocalDate from, @Nullable LocalDate to, List<Group> groups) {

    /**
     * @param key the category name, month ({@code 2026-11}), ISO week ({@code 2026-W47}), day or tag; null for the
     *     expenses without tags when grouping by tag
     * @param total the sum, with the currency's decimals
     * @param average the mean, rounded half-even to the currency's decimals
     */
    record Group(@Nullable String key, String currency, String total, long count, String average) {}
}
