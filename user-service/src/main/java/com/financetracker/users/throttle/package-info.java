/** Limits on attempts (password checks, registrations, token requests), counted in the database. */
@NullMarked
package com.financetracker.users.throttle;

import org.jspecify.annotations.NullMarked;
