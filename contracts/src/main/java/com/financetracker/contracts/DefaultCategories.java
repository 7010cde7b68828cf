package com.financetracker.contracts;

import java.util.List;

/**
 * The categories every person starts with: the expense service creates them for a new person, and the insights
 * service's starting model suggests them before a person has expenses of their own.
 */
public final class DefaultCategories {

    public static final List<String> NAMES = List.of(
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

    private DefaultCategories() {}
}
