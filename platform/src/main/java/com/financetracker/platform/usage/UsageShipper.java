package com.financetracker.platform.usage;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Every few seconds, and once more at shutdown after the last request has finished, turns the aggregate into one
 * report and hands it to the sink: one small write per interval, not one per request. A report the sink cannot take
 * is merged back and goes out with the next one.
 */
final class UsageShipper implements SmartLifecycle {

    /** Stops after the web server has finished its requests, and before the outbox relay sends its last round. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 3072;

    private static final Logger log = LoggerFactory.getLogger(UsageShipper.class);

    private final UsageAggregator aggregator;
    private final UsageReportSink sink;
    private final String service;
    private final String instance = UUID.randomUUID().toString();
    private final Duration interval;
    private final Clock clock;
    private volatile boolean running;
    private @Nullable Thread worker;
    private long droppedLogged;

    UsageShipper(
            UsageAggregator aggregator,
            UsageReportSink sink,
            String service,
            Duration interval,
            Clock clock,
            MeterRegistry meters) {
        this.aggregator = aggregator;
        this.sink = sink;
        this.service = service;
        this.interval = interval;
        this.clock = clock;
        FunctionCounter.builder("finance.usage.dropped", aggregator, UsageAggregator::droppedTotal)
                .description("Requests not recorded because the usage aggregate was full")
                .register(meters);
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofVirtual().name("usage-shipper").start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        Thread current = worker;
        if (current != null) {
            current.interrupt();
            try {
                current.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ship();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private void run() {
        while (running) {
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
            ship();
        }
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
