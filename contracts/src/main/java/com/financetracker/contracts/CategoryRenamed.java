package com.financetracker.contracts;

import com.financetracker.platform.events.EventType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A person renamed one of their categories: every expense in it is now in the new name. Keyed by the owner's id, like
 * {@link ExpenseChanged}.
 *
 * @param userId the owner
 * @param from the old name
 * @param to the new name
 */
public record CategoryRenamed(
        @NotNull UUID userId,
        @NotBlank @Size(max = 50) String from,
        @NotBlank @Size(max = 50) String to) {

    public static final EventType<CategoryRenamed> TYPE = new EventType<>(
            "category.renamed", ExpenseChanged.TOPIC, CategoryRenamed.class, ServiceNames.EXPENSE_SERVICE);

    public String key() {
        return userId.toString();
    }
}
