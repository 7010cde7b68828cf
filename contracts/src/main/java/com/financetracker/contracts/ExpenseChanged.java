package com.financetracker.contracts;

import com.financetracker.platform.events.EventType;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An expense as it is after it was created or changed in the expense service: what a consumer needs to keep its own
 * copy. Keyed by the owner's id, so one person's expense events (these, {@link ExpenseDeleted}, {@link CategoryRenamed}
 * and {@link CategoriesMerged}) arrive in the order they happened.
 *
 * @param userId the owner
 * @param expenseId the expense
 * @param version the expense's version after the change (1 when created)
 * @param description what it was for, if the person said
 * @param amount how much, in {@code currency}
 * @param currency ISO 4217 code
 * @param date the day it was spent
 * @param category the name of its category, as the person spells it
 */
public record ExpenseChanged(
        @NotNull UUID userId,
        @NotNull UUID expenseId,
        @Min(1) int version,
        @Nullable @Size(max = 500) String description,
        @NotNull @Positive BigDecimal amount,
        @NotNull @Size(min = 3, max = 3) String currency,
        @NotNull LocalDate date,
        @NotBlank @Size(max = 50) String category) {

    /** The topic every expense and category event travels on. */
    public static final String TOPIC = "finance.expense-events.v1";

    public static final EventType<ExpenseChanged> CREATED =
            new EventType<>("expense.created", TOPIC, ExpenseChanged.class, ServiceNames.EXPENSE_SERVICE);

    public static final EventType<ExpenseChanged> UPDATED =
            new EventType<>("expense.updated", TOPIC, ExpenseChanged.class, ServiceNames.EXPENSE_SERVICE);

    public String key() {
        return userId.toString();
    }
}
