package com.financetracker.web.view;

import com.financetracker.web.api.ServiceUnavailableException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Runs the independent service calls of one page at the same time, each on a virtual thread, so that a page costs
 * about its slowest call rather than the sum of them. A call whose service is unavailable becomes an unavailable
 * {@link Section}; any other failure (such as an ended session) reaches the caller as it was thrown.
 */
@Component
public class Parallel implements AutoCloseable {

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public <T> Pending<T> start(Supplier<T> call) {
        return new Pending<>(CompletableFuture.supplyAsync(call, executor));
    }

    @Override
    public void close() {
        executor.shutdown();
    }

    /** A call under way. */
    public static final class Pending<T> {

        private final CompletableFuture<T> future;

        Pending(CompletableFuture<T> future) {
            this.future = future;
        }

        /** Waits for the call; its result, or an unavailable section when its service could not answer. */
        public Section<T> section() {
            try {
                return Section.of(future.join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof ServiceUnavailableException unavailable) {
                    return Section.unavailable(unavailable.sentence());
                }
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        }

        /** Waits for the call; its result, or the exception it threw. */
        public T join() {
            try {
                return future.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        }
    }
}
