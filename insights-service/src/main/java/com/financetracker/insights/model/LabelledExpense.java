package com.financetracker.insights.model;

/** An expense with the category its owner gave it. */
public record LabelledExpense(ExpenseText expense, String category) {}
