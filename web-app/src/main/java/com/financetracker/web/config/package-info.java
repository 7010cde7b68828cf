/** The web app's settings, security chain and wiring. */
@NullMarked
package com.financetracker.web.config;

import org.jspecify.annotations.NullMarked;
