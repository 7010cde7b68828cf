/** Managing categories. */
@NullMarked
package com.financetracker.web.category;

import org.jspecify.annotations.NullMarked;
