package com.financetracker.expenses.expense;

import java.math.BigDecimal;
import java.util.Currency;
import org.jspecify.annotations.Nullable;

/** Amounts are exact decimals with no more fractional digits than their currency has (cents, none for yen…). */
public final class Money {

    /** The largest amount an expense may have. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

    /** Fractional digits of currencies without minor units of their own (gold, SDR…). */
    private static final int FALLBACK_DIGITS = 4;

    private Money() {}

    /** How many fractional digits amounts in the currency may have. */
    public static int digits(String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return digits < 0 ? FALLBACK_DIGITS : digits;
    }

    /** The amount written with exactly its currency's digits, as clients get it ({@code "12.50"}). */
    public static String format(BigDecimal amount, String currency) {
        return amount.setScale(digits(currency), java.math.RoundingMode.UNNECESSARY)
                .toPlainString();
    }

    /** Why the amount is not acceptable in the currency, or null when it is. */
    public static @Nullable String problem(BigDecimal amount, String currency) {
        if (amount.signum() <= 0) {
            return "must be greater than 0";
        }
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            return "must not exceed " + MAX_AMOUNT.toPlainString();
        }
        int digits = digits(currency);
        if (amount.stripTrailingZeros().scale() > digits) {
            return digits == 0
                    ? "must be a whole number in " + currency
                    : "must have at most " + digits + " decimals in " + currency;
        }
        return null;
    }
}
