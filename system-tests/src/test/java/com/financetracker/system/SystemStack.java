package com.financetracker.system;

import com.financetracker.launcher.IsolatedStack;
import java.nio.file.Path;
import java.util.Map;

/**
 * The product as it runs for real, for one test class: an {@link IsolatedStack} (a PostgreSQL server and the
 * services' executable jars as separate processes on free ports, configured through the same environment variables as
 * the launcher, Compose and Kubernetes) with its files under {@code target/system-tests/<run>/}.
 */
final class SystemStack {

    private SystemStack() {}

    /**
     * Starts the database and the named services.
     *
     * @param environment settings added to every service's environment (such as shorter retry intervals)
     */
    static IsolatedStack start(Map<String, String> environment, String... services) {
        return start(false, environment, services);
    }

    /** Starts the database, an embedded Kafka broker when events should travel over Kafka, and the named services. */
    static IsolatedStack start(boolean overKafka, Map<String, String> environment, String... services) {
        Path home = Path.of(System.getProperty("finance.home", ".."))
                .toAbsolutePath()
                .normalize();
        Path run = home.resolve("system-tests/target/system-tests/run-" + System.currentTimeMillis());
        IsolatedStack stack = IsolatedStack.start(home, run, overKafka, environment);
        try {
            for (String service : services) {
                stack.startService(service);
            }
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }
}
