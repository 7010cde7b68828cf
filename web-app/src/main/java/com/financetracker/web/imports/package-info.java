/** CSV import with a dry run before anything is stored. */
@NullMarked
package com.financetracker.web.imports;

import org.jspecify.annotations.NullMarked;
