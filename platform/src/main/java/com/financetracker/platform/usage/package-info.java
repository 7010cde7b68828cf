/** Usage statistics of every endpoint: recorded per request, aggregated per minute, shipped as reports. */
@NullMarked
package com.financetracker.platform.usage;

import org.jspecify.annotations.NullMarked;
