package com.financetracker.users.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class BoundedPasswordEncoderTest {

    /** Counts how many calls are inside it at once, each staying a little so that calls overlap. */
    private static final class Overlaps implements PasswordEncoder {
        final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        final AtomicInteger onVirtualThreads = new AtomicInteger();

        @Override
        public String encode(@Nullable CharSequence rawPassword) {
            stay();
            return "hash:" + rawPassword;
        }

        @Override
        public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
            stay();
            return ("hash:" + rawPassword).equals(encodedPassword);
        }

        private void stay() {
            if (Thread.currentThread().isVirtual()) {
                onVirtualThreads.incrementAndGet();
            }
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inside.decrementAndGet();
            }
        }
    }

    @Test
    void hashesOnItsOwnThreadsNoMoreThanTheBoundAtOnceAndAnswersLikeItsDelegate() throws Exception {
        Overlaps delegate = new Overlaps();
        List<Future<Boolean>> answers = new ArrayList<>();
        try (BoundedPasswordEncoder bounded = new BoundedPasswordEncoder(delegate, 2, 200);
                ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 200; i++) {
                String password = "password-" + i;
                answers.add(callers.submit(() -> bounded.matches(password, bounded.encode(password))
                        && !bounded.matches(password, "hash:other")));
            }
            for (Future<Boolean> answer : answers) {
                assertThat(answer.get()).isTrue();
            }
        }

        assertThat(delegate.most.get()).isEqualTo(2);
        assertThat(delegate.onVirtualThreads.get()).isZero();
    }
}
