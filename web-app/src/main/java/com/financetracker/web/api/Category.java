package com.financetracker.web.api;

import java.util.UUID;

/** One of the person's categories and how many expenses use it. */
public record Category(UUID id, String name, long expenseCount) {}
