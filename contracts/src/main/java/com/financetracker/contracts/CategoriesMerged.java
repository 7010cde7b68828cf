package com.financetracker.contracts;

import com.financetracker.platform.events.EventType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A person deleted a category and moved its expenses into another: each of them is now in {@code into}, one version
 * further. Keyed by the owner's id, like {@link ExpenseChanged}.
 *
 * @param userId the owner
 * @param from the deleted category's name
 * @param into the name of the category that took its expenses
 */
public record CategoriesMerged(
        @NotNull UUID userId,
        @NotBlank @Size(max = 50) String from,
        @NotBlank @Size(max = 50) String into) {

    public static final EventType<CategoriesMerged> TYPE = new EventType<>(
            "category.merged", ExpenseChanged.TOPIC, CategoriesMerged.class, ServiceNames.EXPENSE_SERVICE);

    public String key() {
        return userId.toString();
    }
}
