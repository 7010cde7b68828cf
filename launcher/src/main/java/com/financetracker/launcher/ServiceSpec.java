package com.financetracker.launcher;

import java.nio.file.Path;
import java.util.List;

/**
 * A service of the product as the local stack runs it.
 *
 * @param name the service's name ({@code user-service})
 * @param shortName the prefix of its log lines
 * @param port its HTTP port
 * @param database its database's name
 * @param jar its executable jar
 * @param color the ANSI color of its log prefix
 */
public record ServiceSpec(String name, String shortName, int port, String database, Path jar, String color) {

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Sized for a laptop running every service and the database at once. */
    public List<String> jvmOptions() {
        return List.of("-Xms64m", "-Xmx512m", "-XX:+ExitOnOutOfMemoryError");
    }
}
