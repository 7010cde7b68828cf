package com.financetracker.launcher;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * When to restart a service that died, and when to stop trying: the wait doubles with each recent death (1 s, 2 s, 4 s
 * … up to a cap), and a service that dies too often within a window (five times in two minutes) is given up on, since
 * restarting it again would only hide what keeps killing it.
 */
final class RestartPolicy {

    private final Clock clock;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final int maxDeaths;
    private final Duration window;
    private final Deque<Instant> recentDeaths = new ArrayDeque<>();

    RestartPolicy(Clock clock, Duration firstDelay, Duration maxDelay, int maxDeaths, Duration window) {
        this.clock = clock;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.maxDeaths = maxDeaths;
        this.window = window;
    }

    /** 1 s, 2 s, 4 s … at most 30 s; given up on at the fifth death within two minutes. */
    static RestartPolicy standard(Clock clock) {
        return new RestartPolicy(clock, Duration.ofSeconds(1), Duration.ofSeconds(30), 5, Duration.ofMinutes(2));
    }

    /** What to do about a death of the service, now. */
    synchronized Decision onDeath() {
        Instant now = clock.instant();
        while (!recentDeaths.isEmpty() && !recentDeaths.peekFirst().isAfter(now.minus(window))) {
            recentDeaths.removeFirst();
        }
        recentDeaths.addLast(now);
        int deaths = recentDeaths.size();
        if (deaths >= maxDeaths) {
            return new GiveUp(deaths, window);
        }
        return new Restart(delayAfter(deaths), deaths);
    }

    private Duration delayAfter(int deaths) {
        Duration delay = firstDelay;
        for (int i = 1; i < deaths && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) < 0 ? delay : maxDelay;
    }

    sealed interface Decision permits Restart, GiveUp {}

    /**
     * Start the service again after a while.
     *
     * @param delay how long to wait before starting it
     * @param recentDeaths how many times it died within the window, this time included
     */
    record Restart(Duration delay, int recentDeaths) implements Decision {}

    /**
     * Stop restarting the service.
     *
     * @param deaths how many times it died within the window
     * @param window the window
     */
    record GiveUp(int deaths, Duration window) implements Decision {}
}
