/** Usage reports in: merged into per-minute, per-hour and per-day rows; old rows expired. */
@NullMarked
package com.financetracker.analytics.ingest;

import org.jspecify.annotations.NullMarked;
