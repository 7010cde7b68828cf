/** The expenses page: filters, keyset paging, edit in place, delete with undo, bulk actions, export. */
@NullMarked
package com.financetracker.web.expense;

import org.jspecify.annotations.NullMarked;
