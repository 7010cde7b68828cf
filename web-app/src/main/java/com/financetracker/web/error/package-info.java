/** Error pages and degraded sections: plain sentences, never a stack trace. */
@NullMarked
package com.financetracker.web.error;

import org.jspecify.annotations.NullMarked;
