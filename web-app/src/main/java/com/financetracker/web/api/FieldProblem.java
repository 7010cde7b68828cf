package com.financetracker.web.api;

import org.jspecify.annotations.Nullable;

/** One invalid field of a request, as a service's problem response names it. */
public record FieldProblem(@Nullable String field, @Nullable String message) {}
