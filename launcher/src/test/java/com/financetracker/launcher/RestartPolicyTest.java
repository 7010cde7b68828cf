package com.financetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-29T08:00:00Z"));
    private final RestartPolicy policy = RestartPolicy.standard(clock);

    @Test
    void waitsTwiceAsLongAfterEachRecentDeath() {
        assertThat(policy.onDeath()).isEqualTo(new RestartPolicy.Restart(Duration.ofSeconds(1), 1));
        clock.advance(Duration.ofSeconds(10));
        assertThat(policy.onDeath()).isEqualTo(new RestartPolicy.Restart(Duration.ofSeconds(2), 2));
        clock.advance(Duration.ofSeconds(10));
        assertThat(policy.onDeath()).isEqualTo(new RestartPolicy.Restart(Duration.ofSeconds(4), 3));
        clock.advance(Duration.ofSeconds(10));
        assertThat(policy.onDeath()).isEqualTo(new RestartPolicy.Restart(Duration.ofSeconds(8), 4));
    }

    @Test
    void givesUpOnTheFifthDeathWithinTwoMinutes() {
        for (int i = 0; i < 4; i++) {
            assertThat(policy.onDeath()).isInstanceOf(RestartPolicy.Restart.class);
            clock.advance(Duration.ofSeconds(29));
        }

        assertThat(policy.onDeath()).isEqualTo(new RestartPolicy.GiveUp(5, Duration.ofMinutes(2)));
    }

    @Test
    void forgetsDeathsOlderThanTwoMinutes() {
        for (int i = 0; i < 4; i++) {
            policy.onDeath();
            clock.advance(Duration.ofSeconds(31));
        }

        // the first death is now 124 s old: four in the window, this one included
        assertThat(policy.onDeath()).isEqualTo(new RestartPolicy.Restart(Duration.ofSeconds(8), 4));
    }

    @Test
    void aServiceThatDiesRarelyIsAlwaysRestartedAtOnce() {
        for (int i = 0; i < 20; i++) {
            assertThat(policy.onDeath()).isEqualTo(new RestartPolicy.Restart(Duration.ofSeconds(1), 1));
            clock.advance(Duration.ofMinutes(3));
        }
    }

    @Test
    void neverWaitsLongerThanTheCap() {
        RestartPolicy patient =
                new RestartPolicy(clock, Duration.ofSeconds(1), Duration.ofSeconds(30), 100, Duration.ofMinutes(2));
        for (int i = 0; i < 5; i++) {
            patient.onDeath();
        }

        assertThat(patient.onDeath()).isEqualTo(new RestartPolicy.Restart(Duration.ofSeconds(30), 6));
        assertThat(patient.onDeath()).isEqualTo(new RestartPolicy.Restart(Duration.ofSeconds(30), 7));
    }

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
