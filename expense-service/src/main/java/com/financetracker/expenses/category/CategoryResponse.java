package com.financetracker.expenses.category;

import java.util.UUID;

/** A category as clients see it, with how many expenses use it. */
public record CategoryResponse(UUID id, String name, long expenseCount) {

    static CategoryResponse of(Category category) {
        return new CategoryResponse(category.id(), category.name(), category.expenseCount());
    }
}
