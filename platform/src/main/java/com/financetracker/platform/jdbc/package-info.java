/** Database mechanisms every service shares. */
@NullMarked
package com.financetracker.platform.jdbc;

import org.jspecify.annotations.NullMarked;
