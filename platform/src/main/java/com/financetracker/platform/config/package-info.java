/** Shared settings and their defaults. */
@NullMarked
package com.financetracker.platform.config;

import org.jspecify.annotations.NullMarked;
