/** The insights service's settings and access rules. */
@NullMarked
package com.financetracker.insights.config;

import org.jspecify.annotations.NullMarked;
