/** Expenses: create, read, replace, patch, delete, list with filters and keyset pages. */
@NullMarked
package com.financetracker.expenses.expense;

import org.jspecify.annotations.NullMarked;
