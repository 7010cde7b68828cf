package com.financetracker.expenses.expense;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An expense that passed every rule, normalized (trimmed text, upper-case currency, distinct tags). */
public record ExpenseDraft(
        BigDecimal amount,
        String currency,
        String category,
        @Nullable String description,
        LocalDate date,
        List<String> tags) {

    /** Identifies the expense's content, so an import recognizes rows it already brought in. */
    public byte[] fingerprint() {
        String content = String.join(
                "\u001f",
                date.toString(),
                amount.stripTrailingZeros().toPlainString(),
                currency,
                category.toLowerCase(java.util.Locale.ROOT),
                description == null ? "" : description,
                String.join("\u001e", tags.stream().sorted().toList()));
        try {
            return java.security.MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
