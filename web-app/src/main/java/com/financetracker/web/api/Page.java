package com.financetracker.web.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of a keyset-paged list: its items, the cursor of the next page, and the total when the service counts. */
public record Page<T>(List<T> items, @Nullable String nextCursor, long total) {}
