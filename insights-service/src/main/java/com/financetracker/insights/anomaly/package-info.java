/** Unusual-spending detectors over a person's past expenses: plain functions, no state. */
@NullMarked
package com.financetracker.insights.anomaly;

import org.jspecify.annotations.NullMarked;
