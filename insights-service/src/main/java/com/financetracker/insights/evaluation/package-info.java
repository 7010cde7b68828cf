/** The evaluation command: the learning core and its baselines on a time-ordered split of the synthetic corpus. */
@NullMarked
package com.financetracker.insights.evaluation;

import org.jspecify.annotations.NullMarked;
