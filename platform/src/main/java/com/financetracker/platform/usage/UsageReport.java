package com.financetracker.platform.usage;

import com.financetracker.platform.events.EventType;
import com.financetracker.platform.validation.NotFarInFuture;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
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
        @NotNull UUID id,
        @NotBlank @Size(max = 100) String service,

        @NotNull @Pattern(regexp = INSTANCE, message = "must be 1 to 100 letters, digits, '.', '_', ':' or '-'")
        String instance,

        @NotNull @NotFarInFuture Instant createdAt,
        @PositiveOrZero long dropped,
        @NotNull List<@NotNull @Valid Entry> entries) {

    /** What names an instance (a UUID, as the recorder sends, or a host name): it becomes part of the event key. */
    public static final String INSTANCE = "[A-Za-z0-9._:-]{1,100}";

    /**
     * Usage reports travel as events of this type, keyed by reporting instance. Every service sends its own, and only
     * its own: a report about another service would put requests that never happened in that service's statistics.
     */
    public static final EventType<UsageReport> TYPE = new EventType<>(
            "usage.report",
            "finance.usage-reports.v1",
            UsageReport.class,
            (sender, report) -> report.service().equals(sender) ? null : "the report is " + report.service() + "'s");

    /**
     * @param minute the start of the minute the requests began in
     * @param route the route template ({@code /expenses/{id}}), or {@code UNMATCHED} for paths of no endpoint
     * @param durationSumMs total duration, for the mean
     * @param sketch the encoded {@link LatencySketch} of the durations
     */
    public record Entry(
            @NotNull @NotFarInFuture Instant minute,
            @NotNull @Size(max = 10) String method,
            @NotNull @Size(max = 500) String route,
            @Min(100) @Max(599) int status,
            @PositiveOrZero long count,
            double durationSumMs,
            double durationMaxMs,
            @NotNull @NotFarInFuture Instant firstSeen,
            @NotNull @NotFarInFuture Instant lastSeen,
            @NotNull @LatencySketch.Encoded byte[] sketch) {}

    /** The key a report travels under: reports of one instance stay in order. */
    public String key() {
        return service + "/" + instance;
    }
}
