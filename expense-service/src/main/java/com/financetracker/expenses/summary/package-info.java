/** Totals, counts and averages of a user's expenses, grouped. */
@NullMarked
package com.financetracker.expenses.summary;

import org.jspecify.annotations.NullMarked;
