package com.financetracker.platform.usage;

import com.financetracker.platform.work.PeriodicWorker;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Every few seconds, and once more at shutdown after the last request has finished, turns the aggregate into one
 * report and hands it to the sink: one small write per interval, not one per request. A report the sink cannot take
 * is merged back and goes out with the next one.
 */
final class UsageShipper extends PeriodicWorker {

    /** Stops after the web server has finished its requests, and before the outbox relay sends its last round. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 3072;

    private static final Logger log = LoggerFactory.getLogger(UsageShipper.class);

    private final UsageAggregator aggregator;
    private final UsageReportSink sink;
    private final String service;
    private final String instance = UUID.randomUUID().toString();
    private final Clock clock;
    private long droppedLogged;

    UsageShipper(
            UsageAggregator aggregator,
            UsageReportSink sink,
            String service,
            Duration interval,
            Clock clock,
            MeterRegistry meters) {
        super("usage-shipper", interval, PHASE);
        this.aggregator = aggregator;
        this.sink = sink;
        this.service = service;
        this.clock = clock;
        FunctionCounter.builder("finance.usage.dropped", aggregator, UsageAggregator::droppedTotal)
                .description("Requests not recorded because the usage aggregate was full")
                .register(meters);
    }

    @Override
    protected boolean round() {
        ship();
        return false;
    }

    /** Cuts a report of everything recorded so far and hands it to the sink. */
    synchronized void ship() {
        UsageAggregator.Snapshot snapshot = aggregator.drain();
        if (snapshot.isEmpty()) {
            return;
        }
        if (snapshot.dropped() > 0 && aggregator.droppedTotal() > droppedLogged) {
            droppedLogged = aggregator.droppedTotal();
            log.warn(
                    "Usage aggregate full ({} combinations): {} requests were not recorded",
                    aggregator.size(),
                    snapshot.dropped());
        }
        UsageReport report = new UsageReport(
                UUID.randomUUID(), service, instance, clock.instant(), snapshot.dropped(), snapshot.entries());
        try {
            sink.accept(report);
        } catch (RuntimeException e) {
            aggregator.restore(snapshot);
            log.warn("Usage report not stored, kept for the next one: {}", e.getMessage());
        }
    }
}
