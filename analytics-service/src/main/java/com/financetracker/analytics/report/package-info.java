/** Usage statistics out: the admin API over any window, from the coarsest rows that cover it. */
@NullMarked
package com.financetracker.analytics.report;

import org.jspecify.annotations.NullMarked;
