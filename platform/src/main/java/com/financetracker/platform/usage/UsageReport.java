package com.financetracker.platform.usage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What one service instance saw during a few seconds: per minute, method, route template and status, how many
 * requests, how long they took and their latency sketch. Reports are additive: the analytics service merges any
 * number of them, in any order, and recognizes a report it already has by its id.
 *
 * @param id unique per report
 * @param service the reporting service
 * @param instance the reporting process, unique per start
 * @param createdAt when the report was cut
 * @param dropped requests not recorded because the in-memory bound was reached
 * @param entries one per (minute, method, route, status)
 */
public record UsageReport(
        UUID id, String service, String instance, Instant createdAt, long dropped, List<Entry> entries) {

    /** The event type usage reports travel as. */
    public static final String EVENT_TYPE = "usage.report";

    /**
     * @param minute the start of the minute the requests began in
     * @param route the route template ({@code /expenses/{id}}), or {@code UNMATCHED} for paths of no endpoint
     * @param durationSumMs total duration, for the mean
     * @param sketch the encoded {@link LatencySketch} of the durations
     */
    public record Entry(
            Instant minute,
            String method,
            String route,
            int status,
            long count,
            double durationSumMs,
            double durationMaxMs,
            Instant firstSeen,
            Instant lastSeen,
            byte[] sketch) {}
}
