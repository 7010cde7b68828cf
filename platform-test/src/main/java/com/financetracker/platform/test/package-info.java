/** Test support shared by every module: embedded PostgreSQL and access tokens. */
@NullMarked
package com.financetracker.platform.test;

import org.jspecify.annotations.NullMarked;
