/** The admin dashboard page and what it needs to find the user service. */
@NullMarked
package com.financetracker.analytics.dashboard;

import org.jspecify.annotations.NullMarked;
