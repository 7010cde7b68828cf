/** Category suggestions learned per person: plain Java over Tribuo, no Spring, no I/O. */
@NullMarked
package com.financetracker.insights.model;

import org.jspecify.annotations.NullMarked;
