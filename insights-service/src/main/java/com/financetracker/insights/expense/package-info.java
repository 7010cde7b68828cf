/**
 * The insights service's copy of each person's expenses: kept current by the expense service's events, rebuilt from
 * it when the database is new, and read by every insight.
 */
@NullMarked
package com.financetracker.insights.expense;

import org.jspecify.annotations.NullMarked;
