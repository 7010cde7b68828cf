/** The service's settings and access rules. */
@NullMarked
package com.financetracker.users.config;

import org.jspecify.annotations.NullMarked;
