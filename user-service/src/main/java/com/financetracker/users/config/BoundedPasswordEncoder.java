package com.financetracker.users.config;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Hashes passwords on a few platform threads of its own, one per processor. An Argon2 hash holds 16 MiB and a
 * processor for tens of milliseconds: more at once would finish none sooner and only hold more memory. Requests run
 * on virtual threads, which give up their carrier only when they block: hashing on them would keep every carrier
 * busy, and the requests holding a database lock would wait for a carrier while the others queue behind the lock.
 * The caller's virtual thread instead waits for the hash without holding a carrier.
 */
final class BoundedPasswordEncoder implements PasswordEncoder, AutoCloseable {

    private final PasswordEncoder delegate;
    private final ExecutorService hashing;

    BoundedPasswordEncoder(PasswordEncoder delegate, int threads) {
        this.delegate = delegate;
        this.hashing = Executors.newFixedThreadPool(
                threads,
                Thread.ofPlatform().name("password-hashing-", 1).daemon().factory());
    }

    @Override
    public @Nullable String encode(@Nullable CharSequence rawPassword) {
        return hashed(() -> delegate.encode(rawPassword));
    }

    @Override
    public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
        return hashed(() -> delegate.matches(rawPassword, encodedPassword));
    }

    @Override
    public boolean upgradeEncoding(@Nullable String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    @Override
    public void close() {
        hashing.shutdownNow();
    }

    private <T> T hashed(Callable<T> hash) {
        Future<T> result = hashing.submit(hash);
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while hashing a password", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
