/** The service's settings and access rules. */
@NullMarked
package com.financetracker.expenses.config;

import org.jspecify.annotations.NullMarked;
