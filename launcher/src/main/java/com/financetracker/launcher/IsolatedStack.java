package com.financetracker.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The product on free ports with a PostgreSQL server (and optionally a Kafka broker) of its own in a directory of its
 * own: what the system tests and the benchmark run. The same jars, JVM options, start-up caches and environment as
 * {@code finance-tracker up}, but services start and stop on request: one alone, so that its time to readiness is its
 * own, or several together, as {@code finance-tracker up} starts them. A service that dies is restarted as in
 * {@code finance-tracker up} (see {@link Supervisor}), saying so on the standard output.
 */
public final class IsolatedStack implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final Topology topology;
    private final Database database;
    private final int databasePort;
    private final @Nullable KafkaBroker kafka;
    private final Path logs;
    private final Map<String, String> environment;
    private final Topology.Credentials credentials;
    private final Map<String, ServiceProcess> running = new LinkedHashMap<>();
    private final Supervisor supervisor;

    private IsolatedStack(
            Topology topology,
            Database database,
            int databasePort,
            @Nullable KafkaBroker kafka,
            Path logs,
            Map<String, String> environment) {
        this.topology = topology;
        this.database = database;
        this.databasePort = databasePort;
        this.kafka = kafka;
        this.logs = logs;
        this.environment = Map.copyOf(environment);
        Map<String, String> secrets = new HashMap<>();
        topology.clients()
                .forEach(spec -> secrets.put(spec.name(), UUID.randomUUID().toString()));
        byte[] keyEncryptionKey = new byte[32];
        new SecureRandom().nextBytes(keyEncryptionKey);
        this.credentials = new Topology.Credentials(
                "admin@isolated.local",
                "admin-password-" + UUID.randomUUID(),
                secrets,
                Base64.getEncoder().encodeToString(keyEncryptionKey));
        Console console = new Console(System.out, false);
        this.supervisor = new Supervisor(console, Clock.systemUTC(), READY_TIMEOUT, console::failure);
    }

    /**
     * Starts the database, and a Kafka broker when events should travel over Kafka, then makes the services' start-up
     * caches that are missing or stale; no service yet.
     *
     * @param home the project's directory, where the built jars are
     * @param directory where the database, the broker and the logs go
     * @param environment settings added to every service's environment (such as shorter retry intervals)
     */
    public static IsolatedStack start(Path home, Path directory, boolean overKafka, Map<String, String> environment) {
        Topology topology = Topology.withPorts(home, service -> freePort());
        for (ServiceSpec spec : topology.services()) {
            if (!Files.exists(spec.jar())) {
                throw new IllegalStateException(spec.jar() + " is missing: package the services first");
            }
        }
        int port = freePort();
        Database database = Database.start(directory.resolve("postgres"), port, directory.resolve("postgres.log"));
        database.ensureDatabases(
                topology.services().stream().map(ServiceSpec::database).toList());
        KafkaBroker kafka = overKafka ? KafkaBroker.start(directory.resolve("kafka"), freePort()) : null;
        IsolatedStack stack =
                new IsolatedStack(topology, database, port, kafka, directory.resolve("logs"), environment);
        try {
            stack.makeMissingStartupCaches();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /**
     * Makes every missing or stale start-up cache, as many at a time as there are processors: a training run keeps
     * about one of them busy while its JVM starts and then writes its cache. Each runs against a database of its own,
     * so that the stack's databases are as new whether the caches were made now or not, and no service's time to
     * readiness includes a training run.
     */
    private void makeMissingStartupCaches() {
        List<ServiceSpec> missing = topology.services().stream()
                .filter(spec -> !StartupCache.of(spec).isCurrent())
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        database.ensureDatabases(
                missing.stream().map(IsolatedStack::trainingDatabase).toList());
        int parallelism = Math.min(missing.size(), Runtime.getRuntime().availableProcessors());
        try (ExecutorService trainers = Executors.newFixedThreadPool(parallelism)) {
            List<Future<?>> trainings = missing.stream()
                    .<Future<?>>map(spec -> trainers.submit(() -> train(spec)))
                    .toList();
            for (Future<?> training : trainings) {
                await(training);
            }
        }
    }

    private void train(ServiceSpec spec) {
        Map<String, String> env =
                topology.environment(spec, database.jdbcUrl(trainingDatabase(spec)), credentials, null);
        StartupCache.of(spec).train(env, logs.resolve(spec.name() + ".log"), process -> {});
    }

    private static String trainingDatabase(ServiceSpec spec) {
        return spec.database() + "_training";
    }

    private static void await(Future<?> training) {
        try {
            training.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new StartupException("A training run failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("Interrupted while making the start-up caches");
        }
    }

    /** Starts a service and waits until it is ready; returns how long that took from the start of its process. */
    public Duration startService(String name) {
        return startService(name, Map.of());
    }

    /** Starts a service with some settings of its own and waits until it is ready. */
    public Duration startService(String name, Map<String, String> settings) {
        Supplier<ServiceProcess> starter = starter(name, settings);
        ServiceProcess process = starter.get();
        running.put(name, process);
        Duration took = process.awaitReady(READY_TIMEOUT);
        supervisor.supervise(process, starter);
        return took;
    }

    /**
     * Starts services all at once, as {@code finance-tracker up} does, and waits until every one is ready: each
     * copes with the others not being ready yet.
     */
    public void startServices(List<String> names) {
        Map<String, Supplier<ServiceProcess>> starters = new LinkedHashMap<>();
        for (String name : names) {
            Supplier<ServiceProcess> starter = starter(name, Map.of());
            starters.put(name, starter);
            running.put(name, starter.get());
        }
        starters.forEach((name, starter) -> {
            ServiceProcess process = running.get(name);
            process.awaitReady(READY_TIMEOUT);
            supervisor.supervise(process, starter);
        });
    }

    private Supplier<ServiceProcess> starter(String name, Map<String, String> settings) {
        ServiceSpec spec = topology.service(name);
        Map<String, String> env = new HashMap<>(topology.environment(
                spec, database.jdbcUrl(spec.database()), credentials, kafka == null ? null : kafka.bootstrapServers()));
        env.putAll(environment);
        env.putAll(settings);
        Path logFile = logs.resolve(name + ".log");
        List<String> arguments = StartupCache.of(spec).launchArguments();
        return () -> ServiceProcess.start(spec, arguments, env, logFile, line -> {});
    }

    /** Stops a service for good: it is not restarted. */
    public void stopService(String name) {
        ServiceProcess started = running.remove(name);
        ServiceProcess process = supervisor.release(name).orElse(started);
        if (process != null) {
            process.stop(STOP_GRACE);
        }
    }

    /** The process id of a running service: of its latest process, when it was restarted. */
    public long pid(String name) {
        ServiceProcess process = supervisor.current(name).orElse(running.get(name));
        if (process == null) {
            throw new IllegalStateException(name + " is not running");
        }
        return process.process().pid();
    }

    /** The product's services, as {@code services.yaml} declares them, in its order. */
    public List<String> services() {
        return topology.services().stream().map(ServiceSpec::name).toList();
    }

    public String url(String name) {
        return topology.service(name).baseUrl();
    }

    public String jdbcUrl(String name) {
        return database.jdbcUrl(topology.service(name).database());
    }

    public int databasePort() {
        return databasePort;
    }

    public Topology.Credentials credentials() {
        return credentials;
    }

    @Override
    public void close() {
        Map<String, ServiceProcess> supervised = supervisor.releaseAll();
        running.forEach(
                (name, started) -> supervised.getOrDefault(name, started).stop(STOP_GRACE));
        running.clear();
        if (kafka != null) {
            kafka.close();
        }
        try {
            database.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
