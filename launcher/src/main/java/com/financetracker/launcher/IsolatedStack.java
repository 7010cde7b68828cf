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
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The product on free ports with a PostgreSQL server (and optionally a Kafka broker) of its own in a directory of its
 * own: what the system tests and the benchmark run. The same jars, JVM options, start-up caches and environment as
 * {@code finance-tracker up}, but each service starts and stops on request, one at a time, so that its time to
 * readiness is its own. A service that dies is restarted as in {@code finance-tracker up} (see {@link Supervisor}),
 * saying so on the standard output.
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
     * Starts the database, and a Kafka broker when events should travel over Kafka; no service yet.
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
        return new IsolatedStack(topology, database, port, kafka, directory.resolve("logs"), environment);
    }

    /** Starts a service and waits until it is ready; returns how long that took from the start of its process. */
    public Duration startService(String name) {
        return startService(name, Map.of());
    }

    /**
     * Starts a service with some settings of its own and waits until it is ready. The first start of a service whose
     * start-up cache is missing or stale makes it first, as {@code finance-tracker up} does.
     */
    public Duration startService(String name, Map<String, String> settings) {
        ServiceSpec spec = topology.service(name);
        Map<String, String> env = new HashMap<>(topology.environment(
                spec, database.jdbcUrl(spec.database()), credentials, kafka == null ? null : kafka.bootstrapServers()));
        env.putAll(environment);
        env.putAll(settings);
        Path logFile = logs.resolve(name + ".log");
        StartupCache cache = StartupCache.of(spec);
        if (!cache.isCurrent()) {
            cache.train(env, logFile, process -> {});
        }
        Supplier<ServiceProcess> starter =
                () -> ServiceProcess.start(spec, cache.launchArguments(), env, logFile, line -> {});
        ServiceProcess process = starter.get();
        running.put(name, process);
        Duration took = process.awaitReady(READY_TIMEOUT);
        supervisor.supervise(process, starter);
        return took;
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
