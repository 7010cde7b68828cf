package com.financetracker.analytics.report;

import com.financetracker.platform.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Analytics", description = "Usage of every endpoint of every service; for administrators")
@RestController
@RequestMapping("/analytics")
class AnalyticsController {

    private final UsageStatistics statistics;
    private final Clock clock;

    AnalyticsController(UsageStatistics statistics, Clock clock) {
        this.statistics = statistics;
        this.clock = clock;
    }

    @Operation(
            summary = "Usage statistics of every endpoint",
            description = "Counts per status class and latency percentiles for each service, method and route"
                    + " template. The window (from and to, RFC 3339) defaults to the last 24 hours; errors are 5xx"
                    + " answers.")
    @GetMapping
    AnalyticsResponse analytics(
            @ParameterObject @QueryParameters Window window,
            @RequestParam(required = false) @Size(max = 100) @Nullable String service) {
        return statistics.summarize(window.start(clock), window.end(clock), service);
    }

    @Operation(
            summary = "Requests and latency over time",
            description = "One point per step, with zero for steps without requests. Filters narrow it to a service,"
                    + " a method or a route template. The step defaults to about a hundred points over the window"
                    + " (1m, 15m, 1h or 1d) and may be given like 5m, 1h or 1d.")
    @GetMapping("/timeseries")
    List<AnalyticsResponse.Point> timeseries(
            @ParameterObject @QueryParameters Window window,
            @RequestParam(required = false) @Size(max = 100) @Nullable String service,
            @RequestParam(required = false) @Size(max = 10) @Nullable String method,
            @RequestParam(required = false) @Size(max = 500) @Nullable String route) {
        return statistics.timeseries(
                window.start(clock), window.end(clock), window.step(clock), service, method, route);
    }
}
