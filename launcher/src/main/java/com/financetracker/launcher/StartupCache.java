package com.financetracker.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A service's start-up cache: the classes it loads at start, already parsed, verified and linked, so that its JVM maps
 * them instead of loading them one by one. On JDK 25 and newer it is the JDK's AOT cache ({@code -XX:AOTCache}),
 * which also carries method profiles; on JDK 21 to 24 a dynamic CDS archive ({@code -XX:SharedArchiveFile}).
 *
 * <p>A cache is made by a training run: the service started against its real database, asked a few requests once it
 * is ready, then stopped; the JVM writes the cache as it exits. Both kinds need the classes on a plain class path, so
 * the Spring Boot jar is first extracted next to it. The cache lives under the jar's {@code target/} directory and is
 * made again when the jar or the JDK changes. A JVM that cannot use a cache starts without it, only slower.
 */
public final class StartupCache {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(3);
    /** Writing the cache as the training run exits takes a few seconds on a small machine. */
    private static final Duration TRAINING_EXIT_TIMEOUT = Duration.ofMinutes(2);

    private final ServiceSpec spec;
    private final Path directory;
    private final Path extractedJar;
    private final Path cache;
    private final Path stamp;
    private final boolean aotCache;

    private StartupCache(ServiceSpec spec) {
        this.spec = spec;
        this.directory = spec.jar().toAbsolutePath().getParent().resolve("startup-cache");
        this.extractedJar = directory.resolve("app").resolve(spec.jar().getFileName());
        this.aotCache = Runtime.version().feature() >= 25;
        this.cache = directory.resolve(aotCache ? spec.name() + ".aot" : spec.name() + ".jsa");
        this.stamp = directory.resolve("stamp");
    }

    public static StartupCache of(ServiceSpec spec) {
        return new StartupCache(spec);
    }

    /** Whether the cache was made from this very jar by this very JDK. */
    public boolean isCurrent() {
        try {
            return Files.exists(cache)
                    && Files.exists(extractedJar)
                    && Files.exists(stamp)
                    && Files.readString(stamp).equals(expectedStamp());
        } catch (IOException e) {
            return false;
        }
    }

    /** The JVM arguments that start the service: from its cache when there is a current one, else from its jar. */
    public List<String> launchArguments() {
        List<String> arguments = new ArrayList<>(spec.jvmOptions());
        if (isCurrent()) {
            arguments.add((aotCache ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + cache);
            arguments.add("-jar");
            arguments.add(extractedJar.toString());
        } else {
            arguments.add("-jar");
            arguments.add(spec.jar().toString());
        }
        return arguments;
    }

    /**
     * Makes the cache with a training run of the service in the given environment, which must reach a running
     * database, on the service's port. Throws when the run fails; the service then starts without a cache.
     *
     * @param started told of the training run's process as soon as it starts, so that it can be stopped
     */
    public void train(Map<String, String> environment, Path logFile, Consumer<ServiceProcess> started) {
        try {
            deleteRecursively(directory);
            extract();
            List<String> arguments = new ArrayList<>(spec.jvmOptions());
            arguments.add(aotCache ? "-XX:AOTCacheOutput=" + cache : "-XX:ArchiveClassesAtExit=" + cache);
            arguments.add("-jar");
            arguments.add(extractedJar.toString());
            ServiceProcess training = ServiceProcess.start(spec, arguments, environment, logFile, line -> {});
            started.accept(training);
            try {
                training.awaitReady(TRAINING_TIMEOUT);
                exercise();
            } finally {
                training.stop(TRAINING_EXIT_TIMEOUT);
            }
            if (!Files.exists(cache) || Files.size(cache) == 0) {
                throw new StartupException(
                        "the training run of " + spec.name() + " wrote no start-up cache (see " + logFile + ")");
            }
            Files.writeString(stamp, expectedStamp());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A few requests, so that the classes of the request path are in the cache too. */
    private void exercise() {
        for (String path : List.of("/actuator/health/readiness", "/actuator/health/liveness", "/no-such-path")) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(spec.baseUrl() + path))
                    .timeout(Duration.ofSeconds(10))
                    .build();
            try {
                HTTP.send(request, HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartupException("Interrupted while preparing " + spec.name());
            }
        }
    }

    /** The Spring Boot jar as a plain jar with its libraries beside it ({@code java -Djarmode=tools … extract}). */
    private void extract() throws IOException {
        Process process = new ProcessBuilder(
                        ServiceProcess.javaCommand(),
                        "-Djarmode=tools",
                        "-jar",
                        spec.jar().toAbsolutePath().toString(),
                        "extract",
                        "--destination",
                        extractedJar.getParent().toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0 || !Files.exists(extractedJar)) {
                process.destroyForcibly();
                throw new StartupException("Could not extract " + spec.jar() + ": " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new StartupException("Interrupted while extracting " + spec.jar());
        }
    }

    /** What the cache was made from: the jar (size and time) and the JDK. */
    private String expectedStamp() throws IOException {
        Path jar = spec.jar().toAbsolutePath();
        return String.join(
                "\n",
                jar.toString(),
                Long.toString(Files.size(jar)),
                Long.toString(Files.getLastModifiedTime(jar).toMillis()),
                System.getProperty("java.home"),
                Runtime.version().toString(),
                String.join(" ", spec.jvmOptions()));
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
