package com.financetracker.system;

import com.financetracker.launcher.Console;
import com.financetracker.launcher.Database;
import com.financetracker.launcher.KafkaBroker;
import com.financetracker.launcher.ServiceProcess;
import com.financetracker.launcher.ServiceSpec;
import com.financetracker.launcher.Topology;
import com.financetracker.platform.test.ApiClient;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The product as it runs for real: a PostgreSQL server and the services' executable jars as separate processes on
 * free ports, configured through the same environment variables as the launcher, Compose and Kubernetes. Services
 * can be stopped and started again during a test. Logs go to {@code target/system-tests/<run>/}.
 */
final class SystemStack implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

    private final Topology topology;
    private final Database database;
    private final Path logs;
    private final Topology.Credentials credentials;
    private final Map<String, String> extraEnvironment;
    private final Map<String, ServiceProcess> running = new LinkedHashMap<>();
    private final @Nullable KafkaBroker kafka;
    private final Console quiet = new Console(new PrintStream(OutputStream.nullOutputStream()), false);

    private SystemStack(
            Topology topology,
            Database database,
            @Nullable KafkaBroker kafka,
            Path logs,
            Map<String, String> extraEnvironment) {
        this.topology = topology;
        this.kafka = kafka;
        this.database = database;
        this.logs = logs;
        this.extraEnvironment = extraEnvironment;
        Map<String, String> secrets = new HashMap<>();
        topology.clients()
                .forEach(spec -> secrets.put(spec.name(), UUID.randomUUID().toString()));
        this.credentials =
                new Topology.Credentials("admin@system.test", "admin-password-" + UUID.randomUUID(), secrets);
    }

    /**
     * Starts the database and the named services.
     *
     * @param extraEnvironment settings added to every service's environment (such as shorter retry intervals)
     */
    static SystemStack start(Map<String, String> extraEnvironment, String... services) {
        return start(false, extraEnvironment, services);
    }

    /**
     * Starts the database, an embedded Kafka broker when events should travel over Kafka, and the named services.
     */
    static SystemStack start(boolean overKafka, Map<String, String> extraEnvironment, String... services) {
        Path home = Path.of(System.getProperty("finance.home", ".."))
                .toAbsolutePath()
                .normalize();
        Topology topology = Topology.withPorts(home, freePort(), freePort(), freePort());
        for (ServiceSpec spec : topology.services()) {
            if (List.of(services).contains(spec.name()) && !Files.exists(spec.jar())) {
                throw new IllegalStateException(spec.jar() + " is missing: package the services first (./mvnw verify"
                        + " builds them before the system tests)");
            }
        }
        Path run = home.resolve("system-tests/target/system-tests/run-" + System.currentTimeMillis());
        Database database = Database.start(run.resolve("postgres"), freePort(), run.resolve("postgres.log"));
        database.ensureDatabases(
                topology.services().stream().map(ServiceSpec::database).toList());
        KafkaBroker kafka = overKafka ? KafkaBroker.start(run.resolve("kafka"), freePort()) : null;
        SystemStack stack = new SystemStack(topology, database, kafka, run, extraEnvironment);
        for (String service : services) {
            stack.startService(service);
        }
        return stack;
    }

    void startService(String name) {
        ServiceSpec spec = topology.service(name);
        Map<String, String> env = new HashMap<>(topology.environment(
                spec, database.jdbcUrl(spec.database()), credentials, kafka == null ? null : kafka.bootstrapServers()));
        env.putAll(extraEnvironment);
        ServiceProcess process = ServiceProcess.start(spec, env, logs.resolve(name + ".log"), quiet);
        running.put(name, process);
        process.awaitReady(READY_TIMEOUT);
    }

    void stopService(String name) {
        ServiceProcess process = running.remove(name);
        if (process != null) {
            process.stop(Duration.ofSeconds(20));
        }
    }

    ApiClient api(String service) {
        return new ApiClient(topology.service(service).baseUrl());
    }

    Topology.Credentials credentials() {
        return credentials;
    }

    String jdbcUrl(String service) {
        return database.jdbcUrl(topology.service(service).database());
    }

    @Override
    public void close() {
        List.copyOf(running.keySet()).forEach(this::stopService);
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
