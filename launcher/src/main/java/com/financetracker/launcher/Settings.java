package com.financetracker.launcher;

import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where things are and which ports they use.
 *
 * @param home the repository (the service jars are under {@code <service>/target/})
 * @param dataDirectory database files, generated secrets and logs
 * @param databasePort the embedded PostgreSQL's port
 * @param adminEmail the first administrator's email
 * @param adminPassword the administrator's password when configured, else one is generated on first start
 * @param kafka whether events travel over an embedded Kafka broker instead of HTTP
 * @param kafkaPort the embedded broker's client port
 * @param followLogs whether the services' log lines are shown on the console too (they always go to their files)
 */
record Settings(
        Path home,
        Path dataDirectory,
        int databasePort,
        String adminEmail,
        @Nullable String adminPassword,
        boolean kafka,
        int kafkaPort,
        boolean followLogs) {

    static Settings fromEnvironment(Map<String, String> env, Path home, boolean kafka, boolean followLogs) {
        Path data = Path.of(env.getOrDefault("FINANCE_DATA_DIR", "data"));
        return new Settings(
                home.toAbsolutePath().normalize(),
                (data.isAbsolute() ? data : Path.of("").toAbsolutePath().resolve(data)).normalize(),
                port("FINANCE_DB_PORT", env.getOrDefault("FINANCE_DB_PORT", "5433")),
                env.getOrDefault("FINANCE_ADMIN_EMAIL", "admin@finance.local"),
                blankToNull(env.get("FINANCE_ADMIN_PASSWORD")),
                kafka,
                port("FINANCE_KAFKA_PORT", env.getOrDefault("FINANCE_KAFKA_PORT", "9092")),
                followLogs);
    }

    Path logs() {
        return dataDirectory.resolve("logs");
    }

    private static int port(String name, String value) {
        try {
            int port = Integer.parseInt(value.strip());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new StartupException(name + " must be a port number, not '" + value + "'");
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
