package com.financetracker.analytics.report;

import com.financetracker.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Analytics", description = "Usage of every endpoint of every service; for administrators")
@RestController
@RequestMapping("/analytics")
class AnalyticsController {

    private static final Duration DEFAULT_WINDOW = Duration.ofHours(24);
    private static final Duration LONGEST_WINDOW = Duration.ofDays(1100);
    private static final int MOST_POINTS = 2000;

    private final UsageStatistics statistics;
    private final Clock clock;

    AnalyticsController(UsageStatistics statistics, Clock clock) {
        this.statistics = statistics;
        this.clock = clock;
    }

    @Operation(
            summary = "Usage statistics of every endpoint",
            description = "Counts per status class and latency percentiles for each service, method and route"
                    + " template. The window defaults to the last 24 hours; errors are 5xx answers.")
    @GetMapping
    AnalyticsResponse analytics(
            @Parameter(description = "start of the window (RFC 3339), default 24 hours before to")
                    @RequestParam(required = false)
                    @Nullable
                    Instant from,
            @Parameter(description = "end of the window (RFC 3339), default now")
                    @RequestParam(required = false)
                    @Nullable
                    Instant to,
            @RequestParam(required = false) @Size(max = 100) @Nullable String service) {
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minus(DEFAULT_WINDOW) : from;
        checkWindow(start, end);
        return statistics.summarize(start, end, service);
    }

    @Operation(
            summary = "Requests and latency over time",
            description = "One point per step, with zero for steps without requests. Filters narrow it to a service,"
                    + " a method or a route template. The step defaults to about a hundred points over the window"
                    + " (1m, 15m, 1h or 1d) and may be given like 5m, 1h or 1d.")
    @GetMapping("/timeseries")
    List<AnalyticsResponse.Point> timeseries(
            @RequestParam(required = false) @Size(max = 100) @Nullable String service,
            @RequestParam(required = false) @Size(max = 10) @Nullable String method,
            @RequestParam(required = false) @Size(max = 500) @Nullable String route,
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(required = false) @Nullable Duration step) {
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minus(DEFAULT_WINDOW) : from;
        checkWindow(start, end);
        Duration resolution = step == null ? defaultStep(Duration.between(start, end)) : step;
        if (resolution.compareTo(Duration.ofMinutes(1)) < 0 || resolution.toMillis() % 60_000 != 0) {
            throw ProblemException.invalidField("step", "must be a whole number of minutes, at least 1m");
        }
        if (Duration.between(start, end).dividedBy(resolution) > MOST_POINTS) {
            throw ProblemException.invalidField("step", "gives more than " + MOST_POINTS + " points for this window");
        }
        return statistics.timeseries(start, end, resolution, service, method, route);
    }

    private static void checkWindow(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw ProblemException.invalidField("from", "must be before to");
        }
        if (Duration.between(from, to).compareTo(LONGEST_WINDOW) > 0) {
            throw ProblemException.invalidField("from", "must be at most 1100 days before to");
        }
    }

    static Duration defaultStep(Duration window) {
        if (window.compareTo(Duration.ofHours(3)) <= 0) {
            return Duration.ofMinutes(1);
        }
        if (window.compareTo(Duration.ofDays(1)) <= 0) {
            return Duration.ofMinutes(15);
        }
        if (window.compareTo(Duration.ofDays(7)) <= 0) {
            return Duration.ofHours(1);
        }
        return Duration.ofDays(1);
    }
}
