/** Alerts about unusual spending, worked out from a person's own expenses when asked for, and their dismissals. */
@NullMarked
package com.financetracker.insights.alert;

import org.jspecify.annotations.NullMarked;
