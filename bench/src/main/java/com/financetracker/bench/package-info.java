/** The load benchmark: the product against its own database's ceiling, measured in the same run. */
@NullMarked
package com.financetracker.bench;

import org.jspecify.annotations.NullMarked;
