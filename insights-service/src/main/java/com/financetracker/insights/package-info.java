@NullMarked
package com.financetracker.insights;

import org.jspecify.annotations.NullMarked;
