package com.financetracker.platform.events;

import com.financetracker.platform.events.OutboxRepository.PendingEvent;
import com.financetracker.platform.work.PeriodicWorker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Delivers the outbox: one relay per database at a time (a PostgreSQL advisory lock) takes due rows in the order
 * they were recorded, hands each to the transport for its destination and marks it delivered in the same
 * transaction. A failed row waits with exponential backoff and holds back the later rows of its key for the same
 * destination; other destinations go on. A crash anywhere leaves the row pending, so it is delivered again and the
 * receiver's inbox discards the copy.
 */
final class OutboxRelay extends PeriodicWorker {

    /** Stops after the web server has finished its requests, so their events are committed and sent once more. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration HOUSEKEEPING_INTERVAL = Duration.ofHours(1);

    private final OutboxRepository outbox;
    private final EventTransport transport;
    private final TransactionOperations transactions;
    private final JdbcClient jdbc;
    private final EventsProperties properties;
    private final AtomicLong pending = new AtomicLong();
    private final Counter delivered;
    private final Counter failed;
    private final Counter dead;
    private Instant lastHousekeeping = Instant.EPOCH;

    OutboxRelay(
            OutboxRepository outbox,
            EventTransport transport,
            TransactionOperations transactions,
            JdbcClient jdbc,
            EventsProperties properties,
            MeterRegistry meters) {
        super("outbox-relay", properties.pollInterval(), PHASE);
        this.outbox = outbox;
        this.transport = transport;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.properties = properties;
        this.delivered = meters.counter("finance.outbox.delivered");
        this.failed = meters.counter("finance.outbox.failed");
        this.dead = meters.counter("finance.outbox.dead");
        Gauge.builder("finance.outbox.pending", pending, AtomicLong::get).register(meters);
    }

    @Override
    protected boolean round() {
        int sent = relayOnce();
        housekeepingIfDue();
        return sent >= properties.batchSize();
    }

    /** Delivers one batch; returns how many rows were delivered. */
    int relayOnce() {
        Integer sent = transactions.execute(status -> {
            if (!outbox.tryLock()) {
                return 0;
            }
            directUndirectedRows();
            Set<String> failingDestinations = new HashSet<>();
            Set<String> heldKeys = new HashSet<>();
            int count = 0;
            for (PendingEvent event : outbox.due(properties.batchSize())) {
                EventEnvelope envelope = event.envelope();
                String destination = event.destination();
                String keyAtDestination = destination + " " + envelope.key();
                if (heldKeys.contains(keyAtDestination) || failingDestinations.contains(destination)) {
                    heldKeys.add(keyAtDestination);
                    continue;
                }
                try {
                    transport.deliver(envelope, destination);
                    outbox.markDelivered(event.id());
                    delivered.increment();
                    count++;
                } catch (DeliveryException e) {
                    if (e.isPermanent()) {
                        outbox.markDead(event.id(), e.getMessage());
                        dead.increment();
                        log.error(
                                "Event {} ({}) refused by {} and set aside: {}",
                                envelope.id(),
                                envelope.type(),
                                destination,
                                e.getMessage());
                    } else {
                        Duration retryIn = backoff(event.attempts());
                        outbox.markFailed(event.id(), retryIn, e.getMessage());
                        failed.increment();
                        failingDestinations.add(destination);
                        heldKeys.add(keyAtDestination);
                        log.warn(
                                "Event {} ({}) not delivered to {} (attempt {}), retrying in {} ms: {}",
                                envelope.id(),
                                envelope.type(),
                                destination,
                                event.attempts() + 1,
                                retryIn.toMillis(),
                                e.getMessage());
                    }
                }
            }
            pending.set(outbox.pendingCount());
            return count;
        });
        return sent == null ? 0 : sent;
    }

    /** Rows recorded before rows had a destination go to every destination their type has now. */
    private void directUndirectedRows() {
        for (String type : outbox.undirectedTypes()) {
            List<String> destinations = transport.destinations(type);
            if (destinations.isEmpty()) {
                log.warn(
                        "Events of type {} recorded before this version wait for a destination: {}",
                        type,
                        transport.howToRoute(type));
            } else {
                outbox.direct(type, destinations);
            }
        }
    }

    private Duration backoff(int attempts) {
        long seconds = 1L << Math.min(attempts, 20);
        Duration base = Duration.ofSeconds(seconds).compareTo(properties.maxBackoff()) > 0
                ? properties.maxBackoff()
                : Duration.ofSeconds(seconds);
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis((long) (base.toMillis() * jitter));
    }

    private void housekeepingIfDue() {
        Instant now = Instant.now();
        if (Duration.between(lastHousekeeping, now).compareTo(HOUSEKEEPING_INTERVAL) < 0) {
            return;
        }
        lastHousekeeping = now;
        int removed = outbox.deleteDeliveredBefore(now.minus(properties.keepDelivered()));
        int forgotten = jdbc.sql("delete from platform.processed_events where processed_at < :cutoff")
                .param("cutoff", Timestamp.from(now.minus(properties.keepProcessed())))
                .update();
        if (removed + forgotten > 0) {
            log.info(
                    "Outbox housekeeping: removed {} delivered events and {} old received-event ids",
                    removed,
                    forgotten);
        }
    }
}
