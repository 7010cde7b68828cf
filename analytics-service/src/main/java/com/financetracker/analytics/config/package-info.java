/** The service's settings and access rules. */
@NullMarked
package com.financetracker.analytics.config;

import org.jspecify.annotations.NullMarked;
