@NullMarked
package com.financetracker.users;

import org.jspecify.annotations.NullMarked;
