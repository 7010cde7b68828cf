/** Log in, sign up and the person's settings. */
@NullMarked
package com.financetracker.web.account;

import org.jspecify.annotations.NullMarked;
