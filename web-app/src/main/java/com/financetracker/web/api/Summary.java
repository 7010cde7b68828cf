package com.financetracker.web.api;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Totals per group and currency; amounts of different currencies are never added together. */
public record Summary(@Nullable LocalDate from, @Nullable LocalDate to, List<Group> groups) {

    /** One group in one currency; {@code total} and {@code average} are decimal strings. */
    public record Group(@Nullable String key, String currency, String total, long count, String average) {}
}
