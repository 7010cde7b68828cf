@NullMarked
package com.financetracker.analytics;

import org.jspecify.annotations.NullMarked;
