/** Signing in through the user service and keeping the person's tokens server-side, refreshed one at a time. */
@NullMarked
package com.financetracker.web.session;

import org.jspecify.annotations.NullMarked;
