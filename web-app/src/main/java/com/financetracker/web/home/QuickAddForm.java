package com.financetracker.web.home;

import com.financetracker.web.expense.ExpenseForm;

/**
 * The quick-add form's values and the idempotency key of this submission: a retry or a double submit of the same
 * form sends the same key, so the expense service creates one expense.
 */
public record QuickAddForm(ExpenseForm values, String idempotencyKey) {}
