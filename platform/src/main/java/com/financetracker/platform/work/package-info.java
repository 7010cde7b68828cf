/** Background work of the platform's own (event delivery, usage reports). */
@NullMarked
package com.financetracker.platform.work;

import org.jspecify.annotations.NullMarked;
