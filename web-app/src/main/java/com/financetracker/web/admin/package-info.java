/** The administrators' pages. */
@NullMarked
package com.financetracker.web.admin;

import org.jspecify.annotations.NullMarked;
