package com.financetracker.expenses.expense;

import com.financetracker.platform.validation.CurrencyCode;
import com.financetracker.platform.validation.NoControlCharacters;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * An expense as a client sends it: the body of a create or a full replacement, and the state a merge patch applies
 * to. The constraints are the rules an expense must meet once {@link #normalized its defaults} are filled in; {@link
 * ExpenseRules} checks them all at once, so every problem is reported in one answer.
 *
 * @param amount a positive decimal, sent as a string ({@code "12.50"}) or a number
 * @param currency an ISO 4217 code; when absent, the user's default currency, else USD
 * @param category a category name, matched whatever its case and created when new
 * @param description free text, at most 500 characters
 * @param date the day of the expense
 * @param tags at most 20 labels of 1 to 30 characters
 */
@AmountInCurrency
public record ExpenseRequest(
        @NotNull(message = "is required") @Nullable BigDecimal amount,
        @CurrencyCode @Nullable String currency,

        @NotBlank(message = "is required")
        @Size(max = 50, message = "must have at most {max} characters")
        @NoControlCharacters
        @Nullable
        String category,

        @Size(max = 500, message = "must have at most {max} characters")
        @NoControlCharacters(multiline = true)
        @Nullable
        String description,

        @NotNull(message = "is required") @ExpenseDate @Nullable
        LocalDate date,

        @Size(max = 20, message = "must have at most {max} tags") @Nullable
        List<
                        @Size(min = 1, max = 30, message = "must have {min} to {max} characters") @NoControlCharacters
                        @Pattern(regexp = NO_TAG_SEPARATOR, message = TAG_SEPARATOR_MESSAGE) String>
                tags) {

    /** The currency of an expense whose request names none, for a user without a default currency. */
    static final String DEFAULT_CURRENCY = "USD";

    private static final String NO_TAG_SEPARATOR = "[^" + ExpenseCsv.TAG_SEPARATOR + "]*";
    private static final String TAG_SEPARATOR_MESSAGE =
            "must not contain '" + ExpenseCsv.TAG_SEPARATOR + "' (it separates tags in CSV)";

    /**
     * This request as the rules check it: the currency upper case, else the user's default, else USD; text trimmed, a
     * blank description left out; each tag trimmed, in place, so a problem names the tag's index as sent.
     */
    ExpenseRequest normalized(@Nullable String defaultCurrency) {
        return new ExpenseRequest(
                amount,
                currency == null
                        ? (defaultCurrency == null ? DEFAULT_CURRENCY : defaultCurrency)
                        : currency.strip().toUpperCase(Locale.ROOT),
                category == null ? null : category.strip(),
                description == null || description.isBlank() ? null : description.strip(),
                date,
                tags == null
                        ? null
                        : tags.stream()
                                .map(tag -> tag == null ? "" : tag.strip())
                                .toList());
    }
}
