/** Calls to the user, expense and analytics services on behalf of the signed-in person. */
@NullMarked
package com.financetracker.web.api;

import org.jspecify.annotations.NullMarked;
