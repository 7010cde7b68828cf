package com.financetracker.platform.events;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Wakes the relay as soon as new events are committed, instead of at its next poll. */
final class OutboxSignal {

    private final Semaphore permits = new Semaphore(0);

    void signal() {
        permits.release();
    }

    /** Waits for a signal or the timeout, whichever comes first, and forgets signals that piled up meanwhile. */
    void await(Duration timeout) throws InterruptedException {
        permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        permits.drainPermits();
    }
}
