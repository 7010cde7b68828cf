package com.financetracker.insights.alert;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Something unusual about a person's spending, said in words.
 *
 * @param id stable while the alert holds, so a dismissal sticks
 * @param kind {@code unusual-amount}, {@code possible-duplicate} or {@code category-above-trend}
 * @param expenseIds the expenses it is about (none for a category running above its trend)
 * @param category the category it is about
 * @param message the reason, in a sentence
 * @param createdAt when the latest expense it is about was recorded
 */
record AlertResponse(
        UUID id,
        String kind,
        List<UUID> expenseIds,
        @Nullable String category,
        String message,
        Instant createdAt) {}
