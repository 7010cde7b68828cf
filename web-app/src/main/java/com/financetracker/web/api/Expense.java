package com.financetracker.web.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An expense as the expense service answers it; the amount is a decimal string with its currency's digits. */
public record Expense(
        UUID id,
        String amount,
        String currency,
        String category,
        @Nullable String description,
        LocalDate date,
        @Nullable List<String> tags,
        @Nullable Instant createdAt,
        int version) {

    public List<String> tagList() {
        return tags == null ? List.of() : tags;
    }

    /** The {@code If-Match} value that makes a change fail when someone else changed the expense meanwhile. */
    public String etag() {
        return "\"" + version + "\"";
    }
}
