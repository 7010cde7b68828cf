package com.financetracker.users.throttle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts attempts per key in PostgreSQL, so every replica counts the same: token buckets whose spent attempts drain
 * at {@code attempts} per {@code window}, plus the attempts reserved and still running. Each change is one statement
 * on one row: the row is locked only while that statement runs, never across a password check.
 */
@Component
public class AttemptCounters {

    /** At most {@code attempts} per {@code window}, regained one by one over the window. */
    public record Limit(int attempts, Duration window) {

        double perSecond() {
            return attempts / (window.toMillis() / 1000.0);
        }
    }

    /** How long a check waits for running checks of the same counter to end before it is refused. */
    private static final Duration MOST_WAIT = Duration.ofSeconds(5);

    private static final Duration WAIT_STEP = Duration.ofMillis(20);

    /** A reservation left behind by a replica that stopped mid-check is forgotten after this long without a change. */
    private static final String RESERVATIONS_LAPSE = "interval '1 minute'";

    /** The spent attempts of a row, drained up to now. */
    private static final String SPENT_NOW = "greatest(c.spent - extract(epoch from now() - c.counted_at) * :rate, 0)";

    private static final String IN_FLIGHT_NOW =
            "(case when c.counted_at < now() - " + RESERVATIONS_LAPSE + " then 0 else c.in_flight end)";

    private final JdbcClient jdbc;

    AttemptCounters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Reserves one attempt when the attempts spent and those still running leave room for it.
     *
     * @return empty when reserved; otherwise how long until an attempt is regained, or zero when only running
     *     attempts stand in the way (they end within moments, and may give their reservation back)
     */
    Optional<Duration> reserve(String key, Limit limit) {
        return add(key, limit, 1, 0, IN_FLIGHT_NOW + " + " + SPENT_NOW);
    }

    /**
     * Reserves an attempt on every counter, or none: refuses with 429 when a limit has been reached. When only
     * attempts still running stand in the way, waits (at most a few seconds) for them to end.
     */
    public Reservation reserveAll(List<Reservation.Key> keys) {
        long deadline = System.nanoTime() + MOST_WAIT.toNanos();
        while (true) {
            List<Reservation.Key> reserved = new ArrayList<>();
            Optional<Duration> refused = Optional.empty();
            for (Reservation.Key key : keys) {
                refused = reserve(key.id(), key.limit());
                if (refused.isPresent()) {
                    break;
                }
                reserved.add(key);
            }
            if (refused.isEmpty()) {
                return new Reservation(this, reserved);
            }
            reserved.forEach(key -> release(key.id(), key.limit(), false));
            Duration wait = refused.get();
            if (!wait.isZero() || System.nanoTime() > deadline) {
                throw TooManyRequestsException.failedAttempts(wait.isZero() ? Duration.ofSeconds(1) : wait);
            }
            LockSupport.parkNanos(WAIT_STEP.toNanos());
        }
    }

    /**
     * Spends an attempt on every counter in turn; refuses with 429 at the first whose limit has been reached (the
     * attempts already spent on the others stay spent: the request was made).
     */
    public void spendAll(List<Reservation.Key> keys) {
        for (Reservation.Key key : keys) {
            spend(key.id(), key.limit()).ifPresent(wait -> {
                throw TooManyRequestsException.requests(wait);
            });
        }
    }

    /** Gives back a reservation, counting the attempt as spent when it failed. */
    void release(String key, Limit limit, boolean failed) {
        update(key, limit, SPENT_NOW + " + " + (failed ? 1 : 0));
    }

    /** Gives back a reservation and forgets the attempts spent so far. */
    void releaseAndForget(String key, Limit limit) {
        update(key, limit, "0");
    }

    /** Spends one attempt when the limit leaves room for it; otherwise says how long until it does. */
    Optional<Duration> spend(String key, Limit limit) {
        return add(key, limit, 0, 1, SPENT_NOW);
    }

    private Optional<Duration> add(String key, Limit limit, int inFlight, int spent, String counted) {
        int changed = jdbc.sql("""
                        insert into attempt_counters as c (id, in_flight, spent, counted_at, idle_at)
                        values (:id, :inFlight, :spent, now(), now() + make_interval(secs => :spent / :rate))
                        on conflict (id) do update
                           set in_flight = %1$s + excluded.in_flight,
                               spent = %2$s + excluded.spent,
                               counted_at = now(),
                               idle_at = now() + make_interval(secs => (%2$s + excluded.spent) / :rate)
                         where %3$s + 1 <= :limit
                        """.formatted(IN_FLIGHT_NOW, SPENT_NOW, counted))
                .param("id", key)
                .param("inFlight", inFlight)
                .param("spent", (double) spent)
                .param("rate", limit.perSecond())
                .param("limit", (double) limit.attempts())
                .update();
        if (changed == 1) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("""
                        select greatest(%s + 1 - :limit, 0) / :rate from attempt_counters c where id = :id
                        """.formatted(SPENT_NOW))
                .param("id", key)
                .param("rate", limit.perSecond())
                .param("limit", (double) limit.attempts())
                .query((rs, row) -> Duration.ofMillis(Math.round(rs.getDouble(1) * 1000)))
                .optional()
                .orElse(Duration.ZERO));
    }

    private void update(String key, Limit limit, String spent) {
        jdbc.sql("""
                        update attempt_counters c
                           set in_flight = greatest(%1$s - 1, 0),
                               spent = %2$s,
                               counted_at = now(),
                               idle_at = now() + make_interval(secs => (%2$s) / :rate)
                         where id = :id
                        """.formatted(IN_FLIGHT_NOW, spent))
                .param("id", key)
                .param("rate", limit.perSecond())
                .update();
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void removeIdle() {
        jdbc.sql("delete from attempt_counters c where idle_at < now() and counted_at < now() - " + RESERVATIONS_LAPSE)
                .update();
    }
}
