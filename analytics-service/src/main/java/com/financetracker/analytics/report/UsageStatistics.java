package com.financetracker.analytics.report;

import com.financetracker.analytics.ingest.Tier;
import com.financetracker.analytics.ingest.UsageHistory;
import com.financetracker.analytics.ingest.UsageRow;
import com.financetracker.platform.usage.LatencySketch;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Statistics over any window, merged from the stored rows. The totals of the settled part of each span (minutes that
 * reports no longer reach, see {@link UsageHistory#SETTLING}) are kept in memory for the revision of the statistics
 * they were read at, so a window of a month reads the rows of its last minutes, and the rest only when it moves on to
 * another minute or hour, or a late report or an expiry changed the statistics.
 */
@Service
class UsageStatistics {

    /** Settled spans kept: a window has up to five, and each minute moves the ones at its edges. */
    private static final int SETTLED_SPANS = 64;

    private final UsageHistory usage;
    private final Clock clock;
    private final Cache<SettledSpan, Map<EndpointKey, Tally>> settled =
            Caffeine.newBuilder().maximumSize(SETTLED_SPANS).build();

    UsageStatistics(UsageHistory usage, Clock clock) {
        this.usage = usage;
        this.clock = clock;
    }

    /** A settled span of one service or of all, at a revision of the statistics. */
    private record SettledSpan(
            long revision, Span span, @Nullable String service) {}

    private record EndpointKey(String service, String method, String route) {}

    /** What is known of one endpoint or one time step while rows are merged. */
    private static final class Tally {
        long count;
        long[] classes = new long[6];
        double sum;
        double max;

        @Nullable
        Instant first;

        @Nullable
        Instant last;

        final LatencySketch sketch = LatencySketch.empty();

        void add(UsageRow row) {
            count += row.count();
            classes[Math.min(5, row.status() / 100)] += row.count();
            sum += row.durationSumMs();
            max = Math.max(max, row.durationMaxMs());
            first = first == null || row.firstSeen().isBefore(first) ? row.firstSeen() : first;
            last = last == null || row.lastSeen().isAfter(last) ? row.lastSeen() : last;
            sketch.merge(row.sketch());
        }

        void add(Tally other) {
            count += other.count;
            for (int c = 0; c < classes.length; c++) {
                classes[c] += other.classes[c];
            }
            sum += other.sum;
            max = Math.max(max, other.max);
            first = first == null || (other.first != null && other.first.isBefore(first)) ? other.first : first;
            last = last == null || (other.last != null && other.last.isAfter(last)) ? other.last : last;
            sketch.merge(other.sketch);
        }

        long errors() {
            return classes[5];
        }

        /** A percentile; never above the exact maximum, which the sketch's 1 % accuracy could overshoot. */
        double quantile(double q) {
            return Math.min(sketch.quantile(q), max);
        }
    }

    @Transactional(readOnly = true)
    AnalyticsResponse summarize(Instant from, Instant to, @Nullable String service) {
        long revision = usage.revision();
        Instant settledBefore = clock.instant().minus(UsageHistory.SETTLING);
        Map<EndpointKey, Tally> endpoints = new LinkedHashMap<>();
        for (Span span : Span.cover(from, to)) {
            Span.Cut cut = span.cutAt(settledBefore);
            if (cut.before() != null) {
                settled.get(new SettledSpan(revision, cut.before(), service), this::tallies)
                        .forEach((key, tally) ->
                                endpoints.computeIfAbsent(key, k -> new Tally()).add(tally));
            }
            if (cut.after() != null) {
                tally(cut.after(), service, endpoints);
            }
        }
        List<AnalyticsResponse.Endpoint> list = new ArrayList<>();
        long requests = 0;
        long errors = 0;
        Set<String> services = new HashSet<>();
        for (Map.Entry<EndpointKey, Tally> entry : endpoints.entrySet()) {
            Tally tally = entry.getValue();
            EndpointKey key = entry.getKey();
            requests += tally.count;
            errors += tally.errors();
            services.add(key.service());
            list.add(new AnalyticsResponse.Endpoint(
                    key.service(),
                    key.method(),
                    key.route(),
                    tally.count,
                    statusClasses(tally),
                    new AnalyticsResponse.Latency(
                            round(tally.count == 0 ? 0 : tally.sum / tally.count),
                            round(tally.quantile(0.50)),
                            round(tally.quantile(0.95)),
                            round(tally.quantile(0.99)),
                            round(tally.max)),
                    tally.first,
                    tally.last));
        }
        list.sort(Comparator.comparingLong(AnalyticsResponse.Endpoint::count)
                .reversed()
                .thenComparing(AnalyticsResponse.Endpoint::service)
                .thenComparing(AnalyticsResponse.Endpoint::route)
                .thenComparing(AnalyticsResponse.Endpoint::method));
        return new AnalyticsResponse(from, to, new AnalyticsResponse.Totals(requests, errors, services.size()), list);
    }

    private Map<EndpointKey, Tally> tallies(SettledSpan settled) {
        Map<EndpointKey, Tally> endpoints = new LinkedHashMap<>();
        tally(settled.span(), settled.service(), endpoints);
        return endpoints;
    }

    private void tally(Span span, @Nullable String service, Map<EndpointKey, Tally> endpoints) {
        usage.forEach(
                span.tier(),
                span.from(),
                span.to(),
                service,
                null,
                null,
                row -> endpoints
                        .computeIfAbsent(new EndpointKey(row.service(), row.method(), row.route()), k -> new Tally())
                        .add(row));
    }

    /** Steps of {@code step} from {@code from} (aligned to the step) to {@code to}, each with its requests. */
    @Transactional(readOnly = true)
    List<AnalyticsResponse.Point> timeseries(
            Instant from,
            Instant to,
            Duration step,
            @Nullable String service,
            @Nullable String method,
            @Nullable String route) {
        long stepMillis = step.toMillis();
        Instant start = Instant.ofEpochMilli(Math.floorDiv(from.toEpochMilli(), stepMillis) * stepMillis);
        Map<Instant, Tally> points = new LinkedHashMap<>();
        for (Instant time = start; time.isBefore(to); time = time.plus(step)) {
            points.put(time, new Tally());
        }
        Tier tier = tierFor(step);
        usage.forEach(tier, start, to, service, method, route, row -> {
            Instant bucket = Instant.ofEpochMilli(Math.floorDiv(row.bucket().toEpochMilli(), stepMillis) * stepMillis);
            Tally tally = points.get(bucket);
            if (tally != null) {
                tally.add(row);
            }
        });
        List<AnalyticsResponse.Point> series = new ArrayList<>(points.size());
        points.forEach((time, tally) -> series.add(new AnalyticsResponse.Point(
                time,
                tally.count,
                tally.errors(),
                round(tally.quantile(0.50)),
                round(tally.quantile(0.95)),
                round(tally.quantile(0.99)))));
        return series;
    }

    /** The coarsest tier whose buckets fit a step. */
    static Tier tierFor(Duration step) {
        if (step.toDays() >= 1 && step.toMillis() % Duration.ofDays(1).toMillis() == 0) {
            return Tier.DAY;
        }
        if (step.toHours() >= 1 && step.toMillis() % Duration.ofHours(1).toMillis() == 0) {
            return Tier.HOUR;
        }
        return Tier.MINUTE;
    }

    private static Map<String, Long> statusClasses(Tally tally) {
        Map<String, Long> classes = new LinkedHashMap<>();
        for (int c = 2; c <= 5; c++) {
            classes.put(c + "xx", tally.classes[c]);
        }
        return classes;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
