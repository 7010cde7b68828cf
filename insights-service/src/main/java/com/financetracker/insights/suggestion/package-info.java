/** Category suggestions: each person's own model, trained again after their changes and corrected at once. */
@NullMarked
package com.financetracker.insights.suggestion;

import org.jspecify.annotations.NullMarked;
