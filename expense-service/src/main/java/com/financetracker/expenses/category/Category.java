package com.financetracker.expenses.category;

import java.util.UUID;

/** One of a user's categories, with how many of the user's expenses are in it. */
record Category(UUID id, String name, long expenseCount) {}
