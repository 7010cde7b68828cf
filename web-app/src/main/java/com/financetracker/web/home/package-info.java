/** The home page: this month at a glance and quick add. */
@NullMarked
package com.financetracker.web.home;

import org.jspecify.annotations.NullMarked;
