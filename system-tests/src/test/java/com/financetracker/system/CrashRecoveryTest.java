package com.financetracker.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.financetracker.launcher.IsolatedStack;
import com.financetracker.launcher.Topology;
import com.financetracker.platform.test.ApiClient;
import com.financetracker.platform.test.ApiResponse;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The stack survives the crash of any one service: while a client keeps creating and listing expenses, each service
 * of the catalogue in turn is killed (SIGKILL); the others go on answering, the killed one is restarted and ready
 * again, every acknowledged write is still there, and the requests served while the analytics service was down are
 * counted once it is back, each exactly once.
 */
class CrashRecoveryTest {

    /** How often the services turn their usage into a report in their outbox. */
    private static final Duration USAGE_FLUSH = Duration.ofSeconds(1);

    static IsolatedStack stack;
    static ApiClient users;
    static ApiClient expenses;
    static ApiClient analytics;

    @BeforeAll
    static void start() {
        stack = SystemStack.startAll(Map.of(
                "FINANCE_USAGE_FLUSHINTERVAL", USAGE_FLUSH.toSeconds() + "s", "FINANCE_EVENTS_MAXBACKOFF", "2s"));
        users = new ApiClient(stack.url(Topology.USER_SERVICE));
        expenses = new ApiClient(stack.url(Topology.EXPENSE_SERVICE));
        analytics = new ApiClient(stack.url(Topology.ANALYTICS_SERVICE));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void eachKilledServiceComesBackWhileTheOthersKeepAnsweringAndNothingIsLostOrCountedTwice() throws Exception {
        String admin = SystemStack.adminToken(stack, users);
        Traffic traffic = new Traffic(SystemStack.newUser(users, "crash"));
        Thread client = Thread.ofPlatform().name("traffic").start(traffic);
        // the analytics service last, so that no other service dies while reports wait for it
        List<String> victims = new ArrayList<>(stack.services());
        victims.remove(Topology.ANALYTICS_SERVICE);
        victims.add(Topology.ANALYTICS_SERVICE);
        try {
            for (String victim : victims) {
                traffic.analyticsDown = victim.equals(Topology.ANALYTICS_SERVICE);
                int servedBefore = traffic.served.get();

                killAndAwaitRestart(victim, traffic);

                if (!victim.equals(Topology.EXPENSE_SERVICE)) {
                    assertThat(traffic.served.get())
                            .as("expenses served while " + victim + " was down")
                            .isGreaterThan(servedBefore);
                }
            }
            traffic.analyticsDown = false;
        } finally {
            traffic.running = false;
            client.join();
        }

        assertThat(traffic.unexpected)
                .as("responses other than the expected ones")
                .isEmpty();
        assertThat(traffic.notFound.get())
                .as("requests served while analytics was down")
                .isPositive();
        ApiResponse listed =
                expenses.get("/expenses?limit=1000").bearer(traffic.token).send();
        Set<String> stored = new HashSet<>();
        listed.json().forEach(expense -> stored.add(expense.path("id").asString()));
        assertThat(stored).as("the expenses stored").isEqualTo(traffic.acknowledged);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    JsonNode stats =
                            analytics.get("/analytics").bearer(admin).send().json();
                    assertThat(SystemStack.statusCount(stats, "expense-service", "POST", "/expenses", "2xx"))
                            .isEqualTo(traffic.created.get());
                    assertThat(SystemStack.statusCount(stats, "expense-service", "GET", "/expenses", "2xx"))
                            .isEqualTo(traffic.listed.get() + 1);
                    assertThat(SystemStack.statusCount(stats, "expense-service", "GET", "/expenses/{id}", "4xx"))
                            .isEqualTo(traffic.notFound.get());
                    assertThat(SystemStack.statusCount(stats, "user-service", "POST", "/login", "4xx"))
                            .isEqualTo(traffic.refusedLogins.get());
                });
    }

    /**
     * Kills a service while the client pauses, its usage so far flushed to its outbox (a kill loses what a service has
     * not flushed yet, by design: up to one flush interval); then, the client busy again, waits until the service has
     * been restarted and is ready, checking that every other service stays ready meanwhile.
     */
    private static void killAndAwaitRestart(String victim, Traffic traffic) throws Exception {
        long pid = stack.pid(victim);
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        traffic.pause.lock();
        try {
            Thread.sleep(USAGE_FLUSH.multipliedBy(2));
            process.destroyForcibly();
            process.onExit().get(10, TimeUnit.SECONDS);
        } finally {
            traffic.pause.unlock();
        }
        List<String> others =
                stack.services().stream().filter(name -> !name.equals(victim)).toList();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (stack.pid(victim) == pid || !isReady(victim)) {
            for (String other : others) {
                assertThat(isReady(other))
                        .as(other + " ready while " + victim + " is down")
                        .isTrue();
            }
            assertThat(Instant.now()).as(victim + " back in time").isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private static boolean isReady(String service) {
        try {
            return new ApiClient(stack.url(service))
                            .get("/actuator/health/readiness")
                            .send()
                            .status()
                    == 200;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    /**
     * A user creating and listing expenses a few times a second, and while the analytics service is down also asking
     * for an expense that does not exist and logging in with a wrong password; counts each response it gets.
     */
    private static final class Traffic implements Runnable {

        final String token;
        final ReentrantLock pause = new ReentrantLock(true);
        final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        final List<String> unexpected = new ArrayList<>();
        final AtomicInteger created = new AtomicInteger();
        final AtomicInteger listed = new AtomicInteger();
        final AtomicInteger served = new AtomicInteger();
        final AtomicInteger notFound = new AtomicInteger();
        final AtomicInteger refusedLogins = new AtomicInteger();
        volatile boolean running = true;
        volatile boolean analyticsDown;

        Traffic(String token) {
            this.token = token;
        }

        @Override
        public void run() {
            for (int i = 0; running; i++) {
                pause.lock();
                try {
                    createAndList(i);
                    if (analyticsDown) {
                        lookUpMissingAndLogInWrongly();
                    }
                } finally {
                    pause.unlock();
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private void createAndList(int i) {
            try {
                ApiResponse response = expenses.post("/expenses")
                        .bearer(token)
                        .json("{\"amount\":\"%d.00\",\"category\":\"Food\",\"date\":\"2026-11-%02d\"}"
                                .formatted(i % 90 + 1, i % 28 + 1))
                        .send();
                if (response.status() == 201) {
                    acknowledged.add(response.json().path("id").asString());
                    created.incrementAndGet();
                    served.incrementAndGet();
                } else {
                    unexpected.add("POST /expenses: " + response);
                }
                ApiResponse list = expenses.get("/expenses").bearer(token).send();
                if (list.status() == 200) {
                    listed.incrementAndGet();
                    served.incrementAndGet();
                } else {
                    unexpected.add("GET /expenses: " + list);
                }
            } catch (UncheckedIOException e) {
                // the expense service is down: nothing was served
            }
        }

        private void lookUpMissingAndLogInWrongly() {
            try {
                ApiResponse missing = expenses.get("/expenses/" + UUID.randomUUID())
                        .bearer(token)
                        .send();
                if (missing.status() == 404) {
                    notFound.incrementAndGet();
                } else {
                    unexpected.add("GET /expenses/{id}: " + missing);
                }
                ApiResponse refused = users.post("/login")
                        .json("{\"email\":\"nobody@example.com\",\"password\":\"x1234567\"}")
                        .send();
                // refused, or refused at once after too many failures: both a 4xx
                if (refused.status() == 401 || refused.status() == 429) {
                    refusedLogins.incrementAndGet();
                } else {
                    unexpected.add("POST /login: " + refused);
                }
            } catch (UncheckedIOException e) {
                // not served
            }
        }
    }
}
