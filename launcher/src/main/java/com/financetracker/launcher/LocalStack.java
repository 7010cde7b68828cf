package com.financetracker.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The whole product on one machine: the embedded PostgreSQL, then every service whose jar is built, each as its own
 * process configured through the same environment variables Compose and Kubernetes use.
 */
final class LocalStack {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final Settings settings;
    private final Console console;
    private final Topology topology;
    private final List<ServiceProcess> running = new ArrayList<>();
    private final Supervisor supervisor;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private @Nullable Database database;
    private @Nullable KafkaBroker kafka;
    private volatile @Nullable ServiceProcess training;
    private volatile boolean stopping;
    private volatile boolean databaseDied;

    LocalStack(Settings settings, Console console) {
        this.settings = settings;
        this.console = console;
        this.topology = Topology.standard(settings.home()).built();
        this.supervisor = new Supervisor(console, Clock.systemUTC(), READY_TIMEOUT, this::giveUp);
    }

    Console console() {
        return console;
    }

    void start() {
        List<ServiceSpec> services = topology.services();
        if (services.isEmpty()) {
            throw new StartupException("No service jars under " + settings.home() + "; build first (./finance-tracker"
                    + " up builds them)");
        }
        services.forEach(spec -> Database.ensurePortFree(spec.port()));
        Secrets secrets = Secrets.load(settings.dataDirectory());
        boolean firstStart = !secrets.has("admin.password");
        Topology.Credentials credentials =
                secrets.credentials(topology.clients(), settings.adminEmail(), settings.adminPassword());
        String adminPassword = credentials.adminPassword();
        secrets.save();

        console.step("Starting PostgreSQL (data in " + settings.dataDirectory().resolve("postgres") + ")");
        Instant began = Instant.now();
        database = Database.start(
                settings.dataDirectory().resolve("postgres"),
                settings.databasePort(),
                settings.logs().resolve("postgres.log"));
        database.ensureDatabases(services.stream().map(ServiceSpec::database).toList());
        console.ok("PostgreSQL ready on port " + settings.databasePort() + " in " + seconds(began));
        if (settings.kafka()) {
            console.step("Starting Kafka (data in " + settings.dataDirectory().resolve("kafka") + ")");
            began = Instant.now();
            kafka = KafkaBroker.start(settings.dataDirectory().resolve("kafka"), settings.kafkaPort());
            console.ok("Kafka ready on " + kafka.bootstrapServers() + " in " + seconds(began));
        }

        Map<ServiceSpec, Map<String, String>> environments = new LinkedHashMap<>();
        for (ServiceSpec spec : services) {
            environments.put(
                    spec,
                    topology.environment(
                            spec,
                            database.jdbcUrl(spec.database()),
                            credentials,
                            kafka == null ? null : kafka.bootstrapServers()));
        }
        environments.forEach(this::prepareStartupCache);
        console.step("Starting " + services.stream().map(ServiceSpec::name).collect(Collectors.joining(", "))
                + (settings.followLogs() ? "" : " (their logs: " + settings.logs() + ")"));
        List<ServiceSpec> specs = List.copyOf(environments.keySet());
        Map<String, Supplier<ServiceProcess>> starters = new LinkedHashMap<>();
        for (int i = 0; i < specs.size(); i++) {
            ServiceSpec spec = specs.get(i);
            Consumer<String> echo = echo(spec, i);
            Supplier<ServiceProcess> starter = () -> ServiceProcess.start(
                    spec,
                    StartupCache.of(spec).launchArguments(),
                    environments.get(spec),
                    settings.logs().resolve(spec.name() + ".log"),
                    echo);
            starters.put(spec.name(), starter);
            running.add(starter.get());
        }
        for (ServiceProcess service : running) {
            Duration took = service.awaitReady(READY_TIMEOUT);
            console.ok(service.spec().name() + " ready on " + service.spec().baseUrl() + " after "
                    + took.toMillis() / 1000.0 + " s");
        }
        running.forEach(service ->
                supervisor.supervise(service, starters.get(service.spec().name())));
        database.onExit(this::databaseStopped);
        printWelcome(services, adminPassword, firstStart, secrets.file());
    }

    /** Where a service's output goes besides its log file: the console when following the logs, else nowhere. */
    private Consumer<String> echo(ServiceSpec spec, int index) {
        if (!settings.followLogs()) {
            return line -> {};
        }
        String prefix = spec.name().replaceFirst("-(service|app)$", "");
        return line -> console.log(prefix, index, line);
    }

    /**
     * Makes a service's start-up cache when it has none for its current jar: a training run of the service, once per
     * build. A service whose cache cannot be made starts without one.
     */
    private void prepareStartupCache(ServiceSpec spec, Map<String, String> environment) {
        StartupCache cache = StartupCache.of(spec);
        if (cache.isCurrent()) {
            return;
        }
        console.step("Preparing the start-up cache of " + spec.name() + " (once per build, about 30 s)");
        Instant began = Instant.now();
        try {
            cache.train(environment, settings.logs().resolve(spec.name() + ".log"), process -> training = process);
            console.ok(spec.name() + " start-up cache ready in " + seconds(began));
        } catch (RuntimeException e) {
            if (stopping) {
                throw e;
            }
            console.failure("No start-up cache for " + spec.name() + ", it starts without one: " + e.getMessage());
        } finally {
            training = null;
        }
    }

    /** Blocks until the stack has stopped. */
    void awaitTermination() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the services, then the database. Safe to call more than once. */
    synchronized void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        ServiceProcess interrupted = training;
        if (interrupted != null) {
            interrupted.stop(STOP_GRACE);
        }
        Map<String, ServiceProcess> supervised = supervisor.releaseAll();
        if (!running.isEmpty()) {
            console.step("Stopping the services");
            List<Thread> stoppers = running.stream()
                    .map(service -> supervised.getOrDefault(service.spec().name(), service))
                    .map(service -> Thread.ofVirtual().start(() -> service.stop(STOP_GRACE)))
                    .toList();
            for (Thread stopper : stoppers) {
                try {
                    stopper.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        if (kafka != null) {
            console.step("Stopping Kafka");
            try {
                kafka.close();
            } catch (RuntimeException e) {
                console.failure("Kafka did not stop cleanly: " + e.getMessage());
            }
        }
        if (database != null && !databaseDied) {
            console.step("Stopping PostgreSQL");
            try {
                database.close();
            } catch (IOException e) {
                console.failure("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
        console.ok("Stopped");
        stopped.countDown();
    }

    /** A service that keeps dying takes the stack down with it, rather than leaving it half working. */
    private void giveUp(String reason) {
        if (stopping) {
            return;
        }
        console.failure(reason + ". Stopping everything.");
        stop();
        System.exit(1);
    }

    /** The services cannot work without their database, so it is not restarted behind their backs. */
    private void databaseStopped() {
        if (stopping) {
            return;
        }
        databaseDied = true;
        console.failure("PostgreSQL stopped unexpectedly; see its log "
                + settings.logs().resolve("postgres.log") + ". Stopping everything.");
        stop();
        System.exit(1);
    }

    private void printWelcome(
            List<ServiceSpec> services, String adminPassword, boolean showPassword, Path secretsFile) {
        console.line("");
        services.stream()
                .filter(spec -> spec.service().entryPoint())
                .findFirst()
                .ifPresent(entry -> console.line(console.bold("Open " + entry.baseUrl() + " in your browser.")));
        console.line("");
        String row = "  %-"
                + services.stream()
                        .mapToInt(spec -> spec.service().title().length())
                        .max()
                        .orElse(0)
                + "s  %s";
        for (ServiceSpec spec : services) {
            String docs = spec.service().entryPoint() ? "" : "   API docs: " + spec.baseUrl() + "/swagger-ui.html";
            console.line(row.formatted(spec.service().title(), spec.baseUrl() + docs));
        }
        String databases = services.stream().map(ServiceSpec::database).collect(Collectors.joining("|"));
        console.line(
                row.formatted("Database", database.jdbcUrl("{" + databases + "}") + "  (user postgres, no password)"));
        String password;
        if (settings.adminPassword() != null) {
            password = "the FINANCE_ADMIN_PASSWORD you set";
        } else if (showPassword) {
            password = adminPassword + "   (generated now, shown once; kept in " + secretsFile + ")";
        } else {
            password = "generated at first start, kept in " + secretsFile;
        }
        console.line(row.formatted("Admin login", settings.adminEmail() + " / " + password));
        console.line(row.formatted(
                "Events", kafka == null ? "HTTP between the services" : "Kafka on " + kafka.bootstrapServers()));
        console.line(row.formatted(
                "Logs",
                settings.logs() + (settings.followLogs() ? "" : "  (start with --follow to see them here too)")));
        console.line("");
        console.line("Sign up in the browser, or log in as the administrator. Press Ctrl-C to stop.");
    }

    private static String seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0 + " s";
    }
}
