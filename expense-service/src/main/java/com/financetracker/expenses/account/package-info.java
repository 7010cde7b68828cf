/** The users this service knows: default categories on first use, purge on deletion. */
@NullMarked
package com.financetracker.expenses.account;

import org.jspecify.annotations.NullMarked;
