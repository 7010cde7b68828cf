package com.financetracker.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code wrk} against one endpoint with a Lua script and reads its summary: requests per second and latency
 * percentiles. The script gets the bearer token and the request from environment variables.
 */
final class Wrk {

    /** What one wrk run measured. */
    record Result(double requestsPerSecond, double p50Ms, double p99Ms, long requests, long errors) {}

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern REQUESTS = Pattern.compile("([0-9]+) requests in");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+([0-9]+)");
    private static final Pattern SOCKET_ERRORS =
            Pattern.compile("Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+), timeout ([0-9]+)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)%\\s+([0-9.]+)(us|ms|s)\\s*$");

    private static final String SCRIPT = "request.lua";

    private final Path script;

    private Wrk(Path script) {
        this.script = script;
    }

    /** Writes the bundled Lua script to the directory, where wrk can read it. */
    static Wrk withScriptIn(Path directory) throws IOException {
        Files.createDirectories(directory);
        try (var in = Wrk.class.getResourceAsStream("/wrk/" + SCRIPT)) {
            if (in == null) {
                throw new IOException("missing wrk script " + SCRIPT);
            }
            Path script = directory.resolve(SCRIPT);
            Files.write(script, in.readAllBytes());
            return new Wrk(script);
        }
    }

    /**
     * Loads the URL for the given time from the given number of connections, on two threads (one when there is one
     * connection).
     *
     * @param request what the script reads (METHOD, TOKEN, BODY, RATE; see the script)
     */
    Result run(String url, Map<String, String> request, int connections, Duration duration)
            throws IOException, InterruptedException {
        List<String> command = List.of(
                "wrk",
                "--latency",
                "-t" + Math.min(2, connections),
                "-c" + connections,
                "-d" + duration.toSeconds() + "s",
                "--timeout",
                "10s",
                "-s",
                script.toString(),
                url);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(request);
        builder.environment().put("CONNECTIONS", Integer.toString(connections));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("wrk failed:\n" + output);
        }
        return parse(output);
    }

    static Result parse(String output) throws IOException {
        Matcher rps = RPS.matcher(output);
        Matcher requests = REQUESTS.matcher(output);
        if (!rps.find() || !requests.find()) {
            throw new IOException("unexpected wrk output:\n" + output);
        }
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        for (String line : output.split("\n")) {
            Matcher percentile = PERCENTILE.matcher(line);
            if (percentile.matches()) {
                double value = Double.parseDouble(percentile.group(2));
                double ms = switch (percentile.group(3)) {
                    case "us" -> value / 1000;
                    case "s" -> value * 1000;
                    default -> value;
                };
                if (percentile.group(1).equals("50")) {
                    p50 = ms;
                } else {
                    p99 = ms;
                }
            }
        }
        long errors = 0;
        Matcher non2xx = NON_2XX.matcher(output);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        Matcher sockets = SOCKET_ERRORS.matcher(output);
        if (sockets.find()) {
            for (int group = 1; group <= 4; group++) {
                errors += Long.parseLong(sockets.group(group));
            }
        }
        return new Result(Double.parseDouble(rps.group(1)), p50, p99, Long.parseLong(requests.group(1)), errors);
    }
}
