/** Bean-validation constraints shared by the services. */
@NullMarked
package com.financetracker.platform.validation;

import org.jspecify.annotations.NullMarked;
