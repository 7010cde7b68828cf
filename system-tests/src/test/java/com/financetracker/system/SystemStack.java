package com.financetracker.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.launcher.IsolatedStack;
import com.financetracker.platform.test.ApiClient;
import com.financetracker.platform.test.ApiResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * The product as it runs for real, for one test class: an {@link IsolatedStack} (a PostgreSQL server and the
 * services' executable jars as separate processes on free ports, configured through the same environment variables as
 * the launcher, Compose and Kubernetes) with its files under {@code target/system-tests/<run>/}.
 */
final class SystemStack {

    private SystemStack() {}

    /**
     * Starts the database and the named services, all at once.
     *
     * @param environment settings added to every service's environment (such as shorter retry intervals)
     */
    static IsolatedStack start(Map<String, String> environment, String... services) {
        return start(false, environment, services);
    }

    /** Starts the database, an embedded Kafka broker when events should travel over Kafka, and the named services. */
    static IsolatedStack start(boolean overKafka, Map<String, String> environment, String... services) {
        return start(overKafka, environment, stack -> List.of(services));
    }

    /** Starts the database and every service of the catalogue ({@code services.yaml}). */
    static IsolatedStack startAll(Map<String, String> environment) {
        return start(false, environment, IsolatedStack::services);
    }

    private static IsolatedStack start(
            boolean overKafka, Map<String, String> environment, Function<IsolatedStack, List<String>> services) {
        Path home = Path.of(System.getProperty("finance.home", ".."))
                .toAbsolutePath()
                .normalize();
        Path run = home.resolve("system-tests/target/system-tests/run-" + System.currentTimeMillis());
        IsolatedStack stack = IsolatedStack.start(home, run, overKafka, environment);
        try {
            stack.startServices(services.apply(stack));
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** Registers a new user with a unique email and returns their access token. */
    static String newUser(ApiClient users, String name) {
        String email = name + "-" + UUID.randomUUID() + "@example.com";
        String credentials = "{\"email\":\"%s\",\"password\":\"correct horse battery\"}".formatted(email);
        assertThat(users.post("/register").json(credentials).send().status()).isEqualTo(201);
        return users.post("/login")
                .json(credentials)
                .send()
                .json()
                .path("access_token")
                .asString();
    }

    /** Creates a Food expense of the given whole amount on that day of November 2026. */
    static ApiResponse createExpense(ApiClient expenses, String token, int amount) {
        return expenses.post("/expenses")
                .bearer(token)
                .json("{\"amount\":\"%d.00\",\"category\":\"Food\",\"date\":\"2026-11-0%d\"}".formatted(amount, amount))
                .send();
    }

    /** The access token of the stack's administrator. */
    static String adminToken(IsolatedStack stack, ApiClient users) {
        return users.post("/login")
                .json("{\"email\":\"%s\",\"password\":\"%s\"}"
                        .formatted(
                                stack.credentials().adminEmail(),
                                stack.credentials().adminPassword()))
                .send()
                .json()
                .path("access_token")
                .asString();
    }

    /** How many requests of one endpoint got a status of the class ({@code 2xx}, {@code 4xx}…) in {@code GET /analytics}. */
    static long statusCount(JsonNode stats, String service, String method, String route, String statusClass) {
        for (JsonNode endpoint : stats.path("endpoints")) {
            if (endpoint.path("service").asString().equals(service)
                    && endpoint.path("method").asString().equals(method)
                    && endpoint.path("route").asString().equals(route)) {
                return endpoint.path("status").path(statusClass).asLong();
            }
        }
        return 0;
    }
}
