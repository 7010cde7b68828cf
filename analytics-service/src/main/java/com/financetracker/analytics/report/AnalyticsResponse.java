package com.financetracker.analytics.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Usage of every endpoint of every service within a window.
 *
 * @param totals requests, errors (5xx answers) and services seen in the window
 * @param endpoints one entry per service, method and route, busiest first
 */
record AnalyticsResponse(Instant from, Instant to, Totals totals, List<Endpoint> endpoints) {

    record Totals(long requests, long errors, int services) {}

    /**
     * @param status requests per status class: 2xx, 3xx, 4xx, 5xx
     * @param latencyMs mean, percentiles (from merged sketches, 1 % accurate) and maximum, in milliseconds
     */
    record Endpoint(
            String service,
            String method,
            String route,
            long count,
            Map<String, Long> status,
            Latency latencyMs,
            Instant firstSeen,
            Instant lastSeen) {}

    record Latency(double avg, double p50, double p95, double p99, double max) {}

    /** One step of a time series. */
    record Point(Instant time, long count, long errors, double p50, double p95, double p99) {}
}
