package com.financetracker.analytics.ingest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A resolution of the statistics, with the table that holds it. */
public enum Tier {
    MINUTE("usage_minute", ChronoUnit.MINUTES),
    HOUR("usage_hour", ChronoUnit.HOURS),
    DAY("usage_day", ChronoUnit.DAYS);

    private final String table;
    private final ChronoUnit unit;

    Tier(String table, ChronoUnit unit) {
        this.table = table;
        this.unit = unit;
    }

    public String table() {
        return table;
    }

    public ChronoUnit unit() {
        return unit;
    }

    /** The start of the bucket the time falls in (UTC). */
    public Instant bucketOf(Instant time) {
        return time.truncatedTo(unit);
    }
}
