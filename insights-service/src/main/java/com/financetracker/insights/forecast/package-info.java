/** Forecasts: each category's spending to the end of a month, from how the person's earlier months went. */
@NullMarked
package com.financetracker.insights.forecast;

import org.jspecify.annotations.NullMarked;
