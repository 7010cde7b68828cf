/** A seeded synthetic corpus of labelled expenses with injected anomalies, for the cold-start model and the evaluation. */
@NullMarked
package com.financetracker.insights.model.corpus;

import org.jspecify.annotations.NullMarked;
