/** A user's categories: the defaults and their own. */
@NullMarked
package com.financetracker.expenses.category;

import org.jspecify.annotations.NullMarked;
