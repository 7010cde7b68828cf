/** The one-command local stack: an embedded PostgreSQL and every service as a child process. */
@NullMarked
package com.financetracker.launcher;

import org.jspecify.annotations.NullMarked;
