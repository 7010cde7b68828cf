package com.financetracker.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The local stack's PostgreSQL: the real server from the embedded binaries, its files kept in the data directory so
 * data survives restarts, listening on localhost only. One database per service, created when missing.
 */
public final class Database implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final int port;
    private final Path directory;

    private Database(EmbeddedPostgres postgres, int port, Path directory) {
        this.postgres = postgres;
        this.port = port;
        this.directory = directory;
    }

    public static Database start(Path directory, int port, Path logFile) {
        stopLeftoverServer(directory);
        ensurePortFree(port);
        try {
            Files.createDirectories(directory);
            Files.createDirectories(logFile.getParent());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("listen_addresses", "localhost")
                    // the embedded binaries default to test settings (-F, asynchronous commit): these are real data
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "200")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setRegisterShutdownHook(false)
                    .start();
            return new Database(postgres, port, directory);
        } catch (IOException | IllegalStateException e) {
            throw new StartupException("PostgreSQL did not start (see " + logFile + "): " + e.getMessage(), e);
        }
    }

    /** Creates the databases that do not exist yet. */
    public void ensureDatabases(List<String> names) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            for (String name : names) {
                if (!exists(connection, name)) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("create database \"" + name + "\"");
                    }
                }
            }
        } catch (SQLException e) {
            throw new StartupException("Could not create the service databases: " + e.getMessage(), e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** Runs an action once the server has stopped, for whatever reason (closing it included). */
    public void onExit(Runnable action) {
        readPid(directory.resolve("postmaster.pid"))
                .flatMap(ProcessHandle::of)
                .ifPresent(server -> server.onExit().thenRun(action));
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            query.setString(1, name);
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }

    /**
     * A launcher that was killed (not stopped with Ctrl-C) leaves its PostgreSQL running on the data directory;
     * that server is ours, so it is stopped before a new one starts.
     */
    private static void stopLeftoverServer(Path directory) {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> leftover =
                readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (leftover.isEmpty()) {
            return;
        }
        ProcessHandle server = leftover.get();
        server.destroy();
        try {
            server.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new StartupException("A PostgreSQL from an earlier run (pid " + server.pid() + ") is still using "
                    + directory + " and did not stop; stop it and retry");
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Files.readAllLines(pidFile).stream()
                    .findFirst()
                    .map(String::strip)
                    .map(Long::parseLong);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public static void ensurePortFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new StartupException("Port " + port + " is already in use. Stop whatever uses it"
                    + " (another Finance Tracker?) and run again.");
        }
    }
}
