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
 * @param maxHeapMb the most heap it may take
 */
public record ServiceSpec(
        String name, String shortName, int port, String database, Path jar, String color, int maxHeapMb) {

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /**
     * Sized for a laptop running every service and the database at once. The serial collector has no per-region
     * bookkeeping and starts fastest; it grows the heap up to its maximum rather than collect often, so the maximum
     * is what bounds the memory a busy service holds.
     */
    public List<String> jvmOptions() {
        return List.of("-XX:+UseSerialGC", "-Xms64m", "-Xmx" + maxHeapMb + "m", "-XX:+ExitOnOutOfMemoryError");
    }
}
