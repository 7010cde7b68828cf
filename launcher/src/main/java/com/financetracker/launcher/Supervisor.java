package com.financetracker.launcher;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the services running: one that dies on its own is started again after the wait its {@link RestartPolicy}
 * says, while the others go on serving; one that keeps dying is given up on. A service stopped on purpose (released
 * first) is not restarted.
 */
final class Supervisor {

    private final Console console;
    private final Clock clock;
    private final Duration readyTimeout;
    private final Consumer<String> onGiveUp;
    private final Map<String, Supervised> services = new LinkedHashMap<>();
    private boolean stopping;

    /**
     * @param onGiveUp what to do when a service keeps dying, given the reason (such as stopping everything)
     */
    Supervisor(Console console, Clock clock, Duration readyTimeout, Consumer<String> onGiveUp) {
        this.console = console;
        this.clock = clock;
        this.readyTimeout = readyTimeout;
        this.onGiveUp = onGiveUp;
    }

    /**
     * Watches a started service from now on.
     *
     * @param restart starts the service again, the same way it was started
     */
    synchronized void supervise(ServiceProcess service, Supplier<ServiceProcess> restart) {
        Supervised supervised = new Supervised(service.spec(), restart, RestartPolicy.standard(clock), service);
        services.put(service.spec().name(), supervised);
        watch(supervised, service);
    }

    /** The process a supervised service runs in now. */
    synchronized Optional<ServiceProcess> current(String name) {
        return Optional.ofNullable(services.get(name)).map(supervised -> supervised.current);
    }

    /** Stops supervising a service, which is about to be stopped; returns the process it runs in now. */
    synchronized Optional<ServiceProcess> release(String name) {
        return Optional.ofNullable(services.remove(name)).map(supervised -> supervised.current);
    }

    /** Stops supervising every service, as the stack stops; returns the process each runs in now, by name. */
    synchronized Map<String, ServiceProcess> releaseAll() {
        stopping = true;
        Map<String, ServiceProcess> current = new LinkedHashMap<>();
        services.forEach((name, supervised) -> current.put(name, supervised.current));
        services.clear();
        return current;
    }

    private void watch(Supervised supervised, ServiceProcess process) {
        process.process()
                .onExit()
                .thenRun(() -> Thread.ofVirtual()
                        .name(supervised.spec.name() + "-supervisor")
                        .start(() -> recover(supervised, process)));
    }

    private boolean isSupervised(Supervised supervised, ServiceProcess process) {
        synchronized (this) {
            return !stopping && services.get(supervised.spec.name()) == supervised && supervised.current == process;
        }
    }

    private void recover(Supervised supervised, ServiceProcess dead) {
        if (!isSupervised(supervised, dead)) {
            return;
        }
        String name = supervised.spec.name();
        int exitCode = dead.process().exitValue();
        Path log = dead.logFile();
        switch (supervised.policy.onDeath()) {
            case RestartPolicy.GiveUp giveUp -> {
                release(name);
                onGiveUp.accept(name + " stopped unexpectedly " + giveUp.deaths() + " times within "
                        + giveUp.window().toMinutes() + " minutes (last exit code " + exitCode + "); see its log "
                        + log);
            }
            case RestartPolicy.Restart restart -> {
                console.failure(name + " stopped unexpectedly (exit code " + exitCode + "); restarting it in "
                        + restart.delay().toSeconds() + " s (see its log " + log + ")");
                sleep(restart.delay());
                restart(supervised, dead);
            }
        }
    }

    private void restart(Supervised supervised, ServiceProcess dead) {
        String name = supervised.spec.name();
        @Nullable ServiceProcess next;
        synchronized (this) {
            if (!isSupervised(supervised, dead)) {
                return;
            }
            console.step("Restarting " + name);
            try {
                next = supervised.restart.get();
                supervised.current = next;
                watch(supervised, next);
            } catch (RuntimeException e) {
                services.remove(name);
                next = null;
            }
        }
        if (next == null) {
            onGiveUp.accept("Could not restart " + name + "; see its log " + dead.logFile());
            return;
        }
        try {
            Duration took = next.awaitReady(readyTimeout);
            console.ok(name + " is back on " + supervised.spec.baseUrl() + " after " + took.toMillis() / 1000.0 + " s");
        } catch (StartupException e) {
            // a restart that dies is one more death, which its own watch handles
            if (next.isAlive() && isSupervised(supervised, next)) {
                console.failure(e.getMessage());
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Supervised {

        final ServiceSpec spec;
        final Supplier<ServiceProcess> restart;
        final RestartPolicy policy;
        volatile ServiceProcess current;

        Supervised(ServiceSpec spec, Supplier<ServiceProcess> restart, RestartPolicy policy, ServiceProcess current) {
            this.spec = spec;
            this.restart = restart;
            this.policy = policy;
            this.current = current;
        }
    }
}
