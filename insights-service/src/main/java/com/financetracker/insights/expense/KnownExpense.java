package com.financetracker.insights.expense;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One of a person's expenses as this service knows it. */
public record KnownExpense(
        UUID id,
        @Nullable String description,
        BigDecimal amount,
        String currency,
        LocalDate date,
        String category,
        Instant recordedAt) {}
