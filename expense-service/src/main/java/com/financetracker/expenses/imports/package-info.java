/** CSV import of expenses (export is part of listing: GET /expenses with Accept: text/csv). */
@NullMarked
package com.financetracker.expenses.imports;

import org.jspecify.annotations.NullMarked;
