@NullMarked
package com.financetracker.expenses;

import org.jspecify.annotations.NullMarked;
