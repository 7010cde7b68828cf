package com.financetracker.analytics.ingest;

import com.financetracker.platform.usage.LatencySketch;
import java.time.Instant;

/** The requests of one (bucket, service, method, route, status), as stored in a tier. */
public record UsageRow(
        Instant bucket,
        String service,
        String method,
        String route,
        int status,
        long count,
        double durationSumMs,
        double durationMaxMs,
        Instant firstSeen,
        Instant lastSeen,
        LatencySketch sketch) {

    /** Identifies a row within a tier. */
    public record Key(Instant bucket, String service, String method, String route, int status) {}

    public Key key() {
        return new Key(bucket, service, method, route, status);
    }

    /** This row with another row's requests added; the sketch is merged, neither input is changed. */
    public UsageRow plus(UsageRow other) {
        LatencySketch merged = LatencySketch.empty();
        merged.merge(sketch);
        merged.merge(other.sketch);
        return new UsageRow(
                bucket,
                service,
                method,
                route,
                status,
                count + other.count,
                durationSumMs + other.durationSumMs,
                Math.max(durationMaxMs, other.durationMaxMs),
                firstSeen.isBefore(other.firstSeen) ? firstSeen : other.firstSeen,
                lastSeen.isAfter(other.lastSeen) ? lastSeen : other.lastSeen,
                merged);
    }
}
