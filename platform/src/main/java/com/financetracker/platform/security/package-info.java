/** Access-token verification and the rules every service's endpoints share. */
@NullMarked
package com.financetracker.platform.security;

import org.jspecify.annotations.NullMarked;
