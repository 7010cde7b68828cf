package com.financetracker.users.account;

import com.financetracker.users.config.UserServiceProperties;
import com.financetracker.users.throttle.AttemptCounters;
import com.financetracker.users.throttle.AttemptCounters.Limit;
import com.financetracker.users.throttle.TooManyRequestsException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Limits password checks. A check is reserved before it runs and given back after, counted as spent only when it
 * failed: however many arrive at once, no more checks run than the limit allows failures. A login counts per account
 * and client address first (5 by default), per account only at a much higher bound, so guessing from elsewhere
 * cannot lock the owner out, and per address. A signed-in person re-entering their password (to change it, or to
 * delete the account) counts on a limit of their own, which failed logins do not touch. A right password clears the
 * account's failures.
 */
@Component
class LoginThrottle {

    /** How long a check waits for running checks of the same key to end before it is refused. */
    private static final Duration MOST_WAIT = Duration.ofSeconds(5);

    private static final Duration WAIT_STEP = Duration.ofMillis(20);

    private final AttemptCounters counters;
    private final Limit accountAddressLimit;
    private final Limit accountLimit;
    private final Limit addressLimit;

    LoginThrottle(AttemptCounters counters, UserServiceProperties properties) {
        UserServiceProperties.Throttle throttle = properties.throttle();
        this.counters = counters;
        this.accountAddressLimit = new Limit(throttle.accountAddressFailures(), throttle.accountWindow());
        this.accountLimit = new Limit(throttle.accountFailures(), throttle.accountWindow());
        this.addressLimit = new Limit(throttle.addressFailures(), throttle.addressWindow());
    }

    /** Reserves a login's password check, or refuses it with 429 when a limit has been reached. */
    Check reserveLogin(String account, @Nullable String address) {
        List<Key> keys = new ArrayList<>();
        if (address != null) {
            keys.add(new Key("login:" + address + ":" + account, accountAddressLimit, true));
        }
        keys.add(new Key("account:" + account, accountLimit, true));
        if (address != null) {
            keys.add(new Key("address:" + address, addressLimit, false));
        }
        return reserve(keys);
    }

    /** Reserves the password check of a person already signed in. */
    Check reserveReauthentication(UUID user) {
        return reserve(List.of(new Key("user:" + user, accountAddressLimit, true)));
    }

    private Check reserve(List<Key> keys) {
        long deadline = System.nanoTime() + MOST_WAIT.toNanos();
        while (true) {
            List<Key> reserved = new ArrayList<>();
            Optional<Duration> refused = Optional.empty();
            for (Key key : keys) {
                refused = counters.reserve(key.id(), key.limit());
                if (refused.isPresent()) {
                    break;
                }
                reserved.add(key);
            }
            if (refused.isEmpty()) {
                return new Check(reserved);
            }
            reserved.forEach(key -> counters.release(key.id(), key.limit(), false));
            Duration wait = refused.get();
            if (!wait.isZero() || System.nanoTime() > deadline) {
                throw TooManyRequestsException.failedAttempts(wait.isZero() ? Duration.ofSeconds(1) : wait);
            }
            // only checks still running stand in the way: they end within moments
            LockSupport.parkNanos(WAIT_STEP.toNanos());
        }
    }

    /** One limit a check counts against; {@code forgottenOnSuccess} when a right password clears its failures. */
    private record Key(String id, Limit limit, boolean forgottenOnSuccess) {}

    /** A reserved password check: say how it ended, exactly once. */
    final class Check {

        private final List<Key> keys;
        private boolean ended;

        private Check(List<Key> keys) {
            this.keys = keys;
        }

        void succeeded() {
            end(key -> {
                if (key.forgottenOnSuccess()) {
                    counters.releaseAndForget(key.id(), key.limit());
                } else {
                    counters.release(key.id(), key.limit(), false);
                }
            });
        }

        void failed() {
            end(key -> counters.release(key.id(), key.limit(), true));
        }

        /** Ends a check that did not run to a verdict (hashing refused, an error): nothing is counted. */
        void abandoned() {
            end(key -> counters.release(key.id(), key.limit(), false));
        }

        private void end(Consumer<Key> release) {
            if (!ended) {
                ended = true;
                keys.forEach(release);
            }
        }
    }
}
