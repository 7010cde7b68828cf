package com.financetracker.platform.work;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Background work done in rounds on a virtual thread of its own: a round as soon as the previous one says there is
 * more to do or {@link #wakeUp()} is called, else after the interval; a failed round is logged and retried after five
 * intervals. Stopping waits for the round under way and then runs one last round, so what was recorded until the
 * web server stopped still goes out.
 */
public abstract class PeriodicWorker implements SmartLifecycle {

    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final Duration interval;
    private final int phase;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private @Nullable Thread worker;

    /**
     * @param name the worker thread's name
     * @param interval the longest wait between two rounds
     * @param phase when it starts and stops relative to other lifecycle beans (the web server stops at the default)
     */
    protected PeriodicWorker(String name, Duration interval, int phase) {
        this.name = name;
        this.interval = interval;
        this.phase = phase;
    }

    /** Does one round of work; returns true when there is more to do at once. */
    protected abstract boolean round();

    /** Starts the next round now instead of at the end of the interval. */
    public void wakeUp() {
        wakeUps.release();
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofVirtual().name(name).start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        wakeUp();
        Thread current = worker;
        if (current != null) {
            try {
                current.join(STOP_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            round();
        } catch (RuntimeException e) {
            log.warn(
                    "The last round of {} before shutdown failed; what it left is handled after the next start: {}",
                    name,
                    e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return phase;
    }

    private void run() {
        while (running) {
            try {
                if (!round()) {
                    await(interval);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("A round of {} failed, retrying: {}", name, e.getMessage());
                try {
                    await(interval.multipliedBy(5));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Waits for a wake-up or the timeout, whichever comes first, and forgets wake-ups that piled up meanwhile. */
    private void await(Duration timeout) throws InterruptedException {
        if (running) {
            wakeUps.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        wakeUps.drainPermits();
    }
}
