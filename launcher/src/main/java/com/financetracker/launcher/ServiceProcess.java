package com.financetracker.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One service running as a child process: its output kept in its log file (and passed on to an echo, such as the
 * console when following the logs), its readiness probed over HTTP, and a graceful stop (SIGTERM, then kill after a
 * grace period).
 */
public final class ServiceProcess {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final int REMEMBERED_LINES = 40;

    private final ServiceSpec spec;
    private final Process process;
    private final Path logFile;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private @Nullable Thread outputPipe;
    private volatile boolean stopRequested;

    private ServiceProcess(ServiceSpec spec, Process process, Path logFile) {
        this.spec = spec;
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * Starts a service's JVM.
     *
     * @param arguments the JVM's arguments: options, then what to run ({@link StartupCache#launchArguments()})
     * @param echo what else receives each line the service writes, besides its log file
     */
    public static ServiceProcess start(
            ServiceSpec spec,
            List<String> arguments,
            Map<String, String> environment,
            Path logFile,
            Consumer<String> echo) {
        List<String> command = new ArrayList<>();
        command.add(javaCommand());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(logFile.getParent());
            ServiceProcess service = new ServiceProcess(spec, builder.start(), logFile);
            // a platform thread: it blocks reading the pipe for the service's whole life, and a virtual thread doing so
            // holds on to its carrier; with one such reader per service they took every carrier of a two-core machine,
            // and the threads that stop the services never ran
            service.outputPipe = Thread.ofPlatform()
                    .daemon()
                    .name(spec.name() + "-log")
                    .start(() -> service.pipeOutput(logFile, echo));
            return service;
        } catch (IOException e) {
            throw new StartupException("Could not start " + spec.name() + ": " + e.getMessage(), e);
        }
    }

    /** The java of the JDK the launcher runs on; the services run on the same one. */
    static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    public ServiceSpec spec() {
        return spec;
    }

    /** Waits until the service reports ready; fails early when the process dies. */
    public Duration awaitReady(Duration timeout) {
        Instant start = Instant.now();
        Instant deadline = start.plus(timeout);
        HttpRequest probe = HttpRequest.newBuilder(URI.create(spec.baseUrl() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2))
                .build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new StartupException(spec.name() + " stopped while starting (exit code " + process.exitValue()
                        + "). Its last lines:\n" + String.join("\n", lastLines()));
            }
            try {
                if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.between(start, Instant.now());
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartupException("Interrupted while waiting for " + spec.name());
            }
            sleep(Duration.ofMillis(50));
        }
        throw new StartupException(spec.name() + " was not ready after " + timeout.toSeconds() + " s");
    }

    /** Where its output goes. */
    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Process process() {
        return process;
    }

    /**
     * Asks the service to shut down gracefully; kills it if it has not stopped after the grace period. Returns once
     * its last lines are in its log.
     *
     * <p>The signals go through the {@link ProcessHandle}: {@link Process#destroy()} would also close the pipe the
     * service writes to, losing what it says while it stops, and failing a JVM that writes its start-up cache as it
     * exits.
     */
    public void stop(Duration grace) {
        stopRequested = true;
        ProcessHandle handle = process.toHandle();
        try {
            if (process.isAlive()) {
                handle.destroy();
                if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    handle.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            }
            if (outputPipe != null) {
                outputPipe.join(Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handle.destroyForcibly();
        }
    }

    private void pipeOutput(Path logFile, Consumer<String> echo) {
        try (BufferedReader reader =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter log = new PrintWriter(Files.newBufferedWriter(
                        logFile,
                        StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND))) {
            String line;
            while ((line = reader.readLine()) != null) {
                log.println(line);
                log.flush();
                remember(line);
                echo.accept(line);
            }
        } catch (IOException e) {
            if (!stopRequested) {
                echo.accept("(the launcher lost the output of " + spec.name() + ": " + e.getMessage() + ")");
            }
        }
    }

    private synchronized void remember(String line) {
        if (lastLines.size() == REMEMBERED_LINES) {
            lastLines.removeFirst();
        }
        lastLines.addLast(line);
    }

    private synchronized List<String> lastLines() {
        return List.copyOf(lastLines);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
