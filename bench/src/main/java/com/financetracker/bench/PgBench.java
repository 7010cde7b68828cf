package com.financetracker.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code pgbench} with a custom script against the service's own database: the same SQL the service runs for a
 * request, at the same concurrency, with no HTTP, JSON, security or JVM in between. Its rate is the ceiling the
 * service is measured against.
 */
final class PgBench {

    /** What one pgbench run measured. */
    record Result(double transactionsPerSecond, double meanLatencyMs) {}

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

    private final Path work;
    private final int port;

    PgBench(Path work, int port) {
        this.work = work;
        this.port = port;
    }

    Result run(String name, String database, String script, int clients, Duration duration)
            throws IOException, InterruptedException {
        Path file = work.resolve(name + ".sql");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(List.of(
                        "pgbench",
                        "-n",
                        "-h",
                        "localhost",
                        "-p",
                        Integer.toString(port),
                        "-U",
                        "postgres",
                        "-c",
                        Integer.toString(clients),
                        "-j",
                        "2",
                        "-T",
                        Long.toString(duration.toSeconds()),
                        "-f",
                        file.toString(),
                        database))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("pgbench failed:\n" + output);
        }
        Matcher tps = TPS.matcher(output);
        Matcher latency = LATENCY.matcher(output);
        if (!tps.find() || !latency.find()) {
            throw new IOException("unexpected pgbench output:\n" + output);
        }
        return new Result(Double.parseDouble(tps.group(1)), Double.parseDouble(latency.group(1)));
    }
}
