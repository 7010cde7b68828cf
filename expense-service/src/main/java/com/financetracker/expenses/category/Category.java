package com.financetracker.expenses.category;

import java.util.List;
import java.util.UUID;

/** One of a user's categories, with how many of the user's expenses are in it. */
record Category(UUID id, String name, long expenseCount) {

    /** The names of the categories every user starts with. */
    static final List<String> DEFAULT_NAMES = List.of(
            "Food",
            "Transport",
            "Housing",
            "Utilities",
            "Health",
            "Entertainment",
            "Shopping",
            "Travel",
            "Education",
            "Other");
}
