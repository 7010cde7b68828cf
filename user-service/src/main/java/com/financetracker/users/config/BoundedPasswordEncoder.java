package com.financetracker.users.config;

import com.financetracker.platform.web.ProblemException;
import com.financetracker.platform.web.ProblemType;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Hashes passwords on a few platform threads of its own, one per processor. An Argon2 hash holds 16 MiB and a
 * processor for tens of milliseconds: more at once would finish none sooner and only hold more memory. Requests run
 * on virtual threads, which give up their carrier only when they block: hashing on them would keep every carrier
 * busy, and the requests holding a database lock would wait for a carrier while the others queue behind the lock.
 * The caller's virtual thread instead waits for the hash without holding a carrier. At most {@code queue} hashes
 * wait for a thread: beyond, the request is refused with 503 and {@code Retry-After} rather than made to wait behind
 * a flood without bound.
 */
final class BoundedPasswordEncoder implements PasswordEncoder, AutoCloseable {

    private final PasswordEncoder delegate;
    private final ExecutorService hashing;

    BoundedPasswordEncoder(PasswordEncoder delegate, int threads, int queue) {
        this.delegate = delegate;
        this.hashing = new ThreadPoolExecutor(
                threads,
                threads,
                0,
                TimeUnit.MILLISECONDS,
                queue == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queue),
                Thread.ofPlatform().name("password-hashing-", 1).daemon().factory(),
                new ThreadPoolExecutor.AbortPolicy());
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
        Future<T> result;
        try {
            result = hashing.submit(hash);
        } catch (RejectedExecutionException e) {
            throw new HashingBusyException();
        }
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

    /** Every hashing thread is busy and the queue is full. */
    static final class HashingBusyException extends ProblemException {
        HashingBusyException() {
            super(ProblemType.SERVICE_UNAVAILABLE, "The service is busy checking passwords; try again in a second");
            getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
        }
    }
}
