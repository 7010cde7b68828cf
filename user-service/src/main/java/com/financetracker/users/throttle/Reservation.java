package com.financetracker.users.throttle;

import com.financetracker.users.throttle.AttemptCounters.Limit;
import java.util.List;
import java.util.function.Consumer;

/** Attempts reserved on several counters before a password check: say how the check ended, exactly once. */
public final class Reservation {

    /** One counter a check counts against; {@code forgottenOnSuccess} when a success clears its failures. */
    public record Key(String id, Limit limit, boolean forgottenOnSuccess) {}

    private final AttemptCounters counters;
    private final List<Key> keys;
    private boolean ended;

    Reservation(AttemptCounters counters, List<Key> keys) {
        this.counters = counters;
        this.keys = List.copyOf(keys);
    }

    public void succeeded() {
        end(key -> {
            if (key.forgottenOnSuccess()) {
                counters.releaseAndForget(key.id(), key.limit());
            } else {
                counters.release(key.id(), key.limit(), false);
            }
        });
    }

    public void failed() {
        end(key -> counters.release(key.id(), key.limit(), true));
    }

    /** Ends a check that did not reach a verdict (hashing refused, an error): nothing is counted. */
    public void abandoned() {
        end(key -> counters.release(key.id(), key.limit(), false));
    }

    private void end(Consumer<Key> release) {
        if (!ended) {
            ended = true;
            keys.forEach(release);
        }
    }
}
