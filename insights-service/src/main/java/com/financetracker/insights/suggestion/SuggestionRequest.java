package com.financetracker.insights.suggestion;

import com.financetracker.platform.validation.CurrencyCode;
import com.financetracker.platform.validation.NoControlCharacters;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An expense being entered, as far as the person got: the description is needed, the rest sharpens the suggestion.
 *
 * @param description what it was for, as typed or as the bank wrote it
 * @param amount how much, if known
 * @param currency its ISO 4217 code, if known
 * @param date the day, if known (today when absent)
 */
record SuggestionRequest(
        @NotBlank(message = "is required")
        @Size(max = 500, message = "must have at most {max} characters")
        @NoControlCharacters(multiline = true)
        @Nullable
        String description,

        @Positive(message = "must be positive") @Nullable BigDecimal amount,
        @CurrencyCode @Nullable String currency,
        @Nullable LocalDate date) {}
