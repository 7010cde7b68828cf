package com.financetracker.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What one benchmark run measured, as the table it prints and writes to {@code bench/results/} and as
 * {@code latest.json}.
 */
final class Report {

    private static final DateTimeFormatter FILE_NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'");

    private final ZonedDateTime started = ZonedDateTime.now(ZoneOffset.UTC);
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    private final Map<String, Service> services = new LinkedHashMap<>();
    private double stackMb = Double.NaN;
    private double importRowsPerSecond = Double.NaN;
    private double copyRowsPerSecond = Double.NaN;
    private double recordingOnRps = Double.NaN;
    private double recordingOffRps = Double.NaN;
    private double recordingOnCpuMs = Double.NaN;
    private double recordingOffCpuMs = Double.NaN;

    private static final class Endpoint {
        Wrk.Result result;
        double ceilingRps = Double.NaN;
        Wrk.Result halfRate;
    }

    private static final class Service {
        double readySeconds = Double.NaN;
        double rssIdleMb = Double.NaN;
        double rssLoadMb = Double.NaN;
    }

    /** What the whole stack (every service and PostgreSQL) holds in memory after the run's use of it. */
    void stackMemory(double mb) {
        stackMb = mb;
    }

    /** The rate of a CSV import through the API, and of PostgreSQL's own COPY of the same rows, in rows a second. */
    void importAgainstCopy(double importRowsPerSecond, double copyRowsPerSecond) {
        this.importRowsPerSecond = importRowsPerSecond;
        this.copyRowsPerSecond = copyRowsPerSecond;
    }

    void setting(String name, String value) {
        settings.put(name, value);
    }

    void endpoint(String name, Wrk.Result result) {
        endpoints.computeIfAbsent(name, n -> new Endpoint()).result = result;
    }

    void ceiling(String name, double rps) {
        endpoints.computeIfAbsent(name, n -> new Endpoint()).ceilingRps = rps;
    }

    void halfRate(String name, Wrk.Result result) {
        endpoints.computeIfAbsent(name, n -> new Endpoint()).halfRate = result;
    }

    void ready(String service, Duration ready) {
        services.computeIfAbsent(service, n -> new Service()).readySeconds = ready.toMillis() / 1000.0;
    }

    void idleMemory(String service, double mb) {
        services.computeIfAbsent(service, n -> new Service()).rssIdleMb = mb;
    }

    /** The resident memory of a service under load: the most seen over all its loads. */
    void loadMemory(String service, double mb) {
        Service measured = services.computeIfAbsent(service, n -> new Service());
        measured.rssLoadMb = Double.isNaN(measured.rssLoadMb) ? mb : Math.max(measured.rssLoadMb, mb);
    }

    /** The throughput of the same endpoint, and the service's CPU time per request, with usage recording on and off. */
    void recording(double onRps, double offRps, double onCpuMs, double offCpuMs) {
        recordingOnRps = onRps;
        recordingOffRps = offRps;
        recordingOnCpuMs = onCpuMs;
        recordingOffCpuMs = offCpuMs;
    }

    /** The share of throughput recording costs. */
    private double recordingOverhead() {
        return recordingOffRps > 0 ? (recordingOffRps - recordingOnRps) / recordingOffRps : Double.NaN;
    }

    /** The share of CPU time per request recording adds. */
    private double recordingCpuOverhead() {
        return recordingOffCpuMs > 0 ? (recordingOnCpuMs - recordingOffCpuMs) / recordingOffCpuMs : Double.NaN;
    }

    /** The table the run prints, in Markdown. */
    String table() {
        StringBuilder out = new StringBuilder();
        out.append("# Benchmark ")
                .append(started.format(DateTimeFormatter.ISO_INSTANT))
                .append("\n\n");
        settings.forEach((name, value) ->
                out.append("- ").append(name).append(": ").append(value).append('\n'));
        out.append("\n| Endpoint | requests/s | p50 ms | p99 ms | errors | ceiling/s | ratio |"
                + " p50 ms at half rate | p99 ms at half rate |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        endpoints.forEach((name, endpoint) -> {
            Wrk.Result result = endpoint.result;
            out.append("| ")
                    .append(name)
                    .append(" | ")
                    .append(number(result.requestsPerSecond(), 0))
                    .append(" | ")
                    .append(number(result.p50Ms(), 2))
                    .append(" | ")
                    .append(number(result.p99Ms(), 2))
                    .append(" | ")
                    .append(result.errors())
                    .append(" | ")
                    .append(number(endpoint.ceilingRps, 0))
                    .append(" | ")
                    .append(percent(ratio(endpoint)))
                    .append(" | ")
                    .append(endpoint.halfRate == null ? "" : number(endpoint.halfRate.p50Ms(), 2))
                    .append(" | ")
                    .append(endpoint.halfRate == null ? "" : number(endpoint.halfRate.p99Ms(), 2))
                    .append(" |\n");
        });
        out.append("\n| Service | ready s | RSS idle MB | RSS under load MB |\n");
        out.append("|---|---:|---:|---:|\n");
        services.forEach((name, service) -> out.append("| ")
                .append(name)
                .append(" | ")
                .append(number(service.readySeconds, 2))
                .append(" | ")
                .append(number(service.rssIdleMb, 0))
                .append(" | ")
                .append(number(service.rssLoadMb, 0))
                .append(" |\n"));
        out.append("\nThe whole stack after the run: ")
                .append(number(stackMb, 0))
                .append(" MB (proportional set size of every service and PostgreSQL)\n");
        out.append("\nCSV import: ")
                .append(number(importRowsPerSecond, 0))
                .append(" rows/s; PostgreSQL's COPY of the same rows: ")
                .append(number(copyRowsPerSecond, 0))
                .append(" rows/s: ")
                .append(percent(importRowsPerSecond / copyRowsPerSecond))
                .append(" of it\n");
        out.append("\nUsage recording: ")
                .append(number(recordingOnRps, 0))
                .append(" requests/s on, ")
                .append(number(recordingOffRps, 0))
                .append(" off: costs ")
                .append(percent(recordingOverhead()))
                .append(" of throughput; ")
                .append(number(recordingOnCpuMs, 3))
                .append(" ms of CPU per request on, ")
                .append(number(recordingOffCpuMs, 3))
                .append(" off: ")
                .append(percent(recordingCpuOverhead()))
                .append(" more CPU\n");
        return out.toString();
    }

    /** Writes the table and the JSON; returns the table's path. */
    Path write(Path directory) throws IOException {
        Files.createDirectories(directory);
        String stamp = started.format(FILE_NAME);
        Path table = directory.resolve(stamp + ".md");
        Files.writeString(table, table());
        String json =
                JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(json());
        Files.writeString(directory.resolve(stamp + ".json"), json + "\n");
        Files.writeString(directory.resolve("latest.json"), json + "\n");
        return table;
    }

    private ObjectNode json() {
        JsonMapper mapper = JsonMapper.builder().build();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode endpointArray = root.putArray("endpoints");
        endpoints.forEach((name, endpoint) -> {
            ObjectNode node = endpointArray.addObject();
            node.put("name", name);
            node.put("rps", round(endpoint.result.requestsPerSecond(), 1));
            node.put("p50Ms", round(endpoint.result.p50Ms(), 2));
            node.put("p99Ms", round(endpoint.result.p99Ms(), 2));
            node.put("errors", endpoint.result.errors());
            putOrNull(node, "ceilingRps", round(endpoint.ceilingRps, 1));
            putOrNull(node, "ratio", round(ratio(endpoint), 3));
            if (endpoint.halfRate != null) {
                node.put("halfRateRps", round(endpoint.halfRate.requestsPerSecond(), 1));
                node.put("halfRateP50Ms", round(endpoint.halfRate.p50Ms(), 2));
                node.put("halfRateP99Ms", round(endpoint.halfRate.p99Ms(), 2));
            }
        });
        ArrayNode serviceArray = root.putArray("services");
        services.forEach((name, service) -> {
            ObjectNode node = serviceArray.addObject();
            node.put("name", name);
            putOrNull(node, "readySeconds", round(service.readySeconds, 2));
            putOrNull(node, "rssIdleMb", round(service.rssIdleMb, 0));
            putOrNull(node, "rssLoadMb", round(service.rssLoadMb, 0));
        });
        putOrNull(root, "stackRssMb", round(stackMb, 0));
        putOrNull(root, "importRowsPerSecond", round(importRowsPerSecond, 0));
        putOrNull(root, "copyRowsPerSecond", round(copyRowsPerSecond, 0));
        putOrNull(root, "recordingOverhead", round(recordingOverhead(), 3));
        ObjectNode recording = root.putObject("recording");
        putOrNull(recording, "onRps", round(recordingOnRps, 1));
        putOrNull(recording, "offRps", round(recordingOffRps, 1));
        putOrNull(recording, "onCpuMsPerRequest", round(recordingOnCpuMs, 4));
        putOrNull(recording, "offCpuMsPerRequest", round(recordingOffCpuMs, 4));
        putOrNull(recording, "cpuOverhead", round(recordingCpuOverhead(), 3));
        ObjectNode settingsNode = root.putObject("settings");
        settings.forEach(settingsNode::put);
        root.put("date", started.format(DateTimeFormatter.ISO_INSTANT));
        return root;
    }

    private static double ratio(Endpoint endpoint) {
        return endpoint.ceilingRps > 0 ? endpoint.result.requestsPerSecond() / endpoint.ceilingRps : Double.NaN;
    }

    private static void putOrNull(ObjectNode node, String name, double value) {
        if (Double.isNaN(value)) {
            node.putNull(name);
        } else {
            node.put(name, value);
        }
    }

    private static double round(double value, int decimals) {
        if (Double.isNaN(value)) {
            return value;
        }
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    private static String number(double value, int decimals) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "" : String.format(Locale.ROOT, "%.1f %%", share * 100);
    }
}
