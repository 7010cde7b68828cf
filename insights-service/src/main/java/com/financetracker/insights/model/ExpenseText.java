package com.financetracker.insights.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What is known about an expense before it has a category. */
public record ExpenseText(String description, BigDecimal amount, String currency, LocalDate date) {}
