package com.financetracker.contracts;

import com.financetracker.platform.events.EventType;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/**
 * A person deleted one of their expenses. Keyed by the owner's id, like {@link ExpenseChanged}.
 *
 * @param userId the owner
 * @param expenseId the deleted expense
 * @param version one more than the expense's last version, so a copy of an older version never outlives the deletion
 */
public record ExpenseDeleted(
        @NotNull UUID userId,
        @NotNull UUID expenseId,
        @Min(2) int version) {

    public static final EventType<ExpenseDeleted> TYPE = new EventType<>(
            "expense.deleted", ExpenseChanged.TOPIC, ExpenseDeleted.class, ServiceNames.EXPENSE_SERVICE);

    public String key() {
        return userId.toString();
    }
}
