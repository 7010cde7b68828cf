package com.financetracker.bench;

import com.financetracker.launcher.IsolatedStack;
import com.financetracker.launcher.Topology;
import com.financetracker.platform.test.ApiClient;
import com.financetracker.platform.test.ApiResponse;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.springframework.util.FileSystemUtils;

/**
 * {@code finance-tracker bench}: starts the product as {@code up} does, seeds realistic data, loads each hot endpoint
 * with wrk at a fixed concurrency, runs the same SQL with pgbench against the same database at the same concurrency
 * for the ceiling, and reports throughput, latency, the ratio to the ceiling, start-up time, memory and the cost of
 * usage recording. Results go to {@code bench/results/}; {@code docs/performance.md} explains them.
 *
 * <p>Settings (environment): {@code BENCH_CONNECTIONS} (16), {@code BENCH_DURATION_SECONDS} (15 per measurement),
 * {@code BENCH_WARMUP_SECONDS} (10). With {@code --profile} every service also records a JFR profile into
 * {@code bench/target/work/jfr/}.
 */
public final class Benchmark {

    /** Days of per-minute usage statistics seeded for GET /analytics. */
    private static final int USAGE_DAYS = 30;

    private static final List<String> SERVICES = List.of(
            Topology.USER_SERVICE,
            Topology.EXPENSE_SERVICE,
            Topology.ANALYTICS_SERVICE,
            Topology.INSIGHTS_SERVICE,
            Topology.WEB_APP);

    private final Path home;
    private final Path work;
    private final boolean profile;
    private final int connections = setting("BENCH_CONNECTIONS", 16);
    private final Duration warmup = Duration.ofSeconds(setting("BENCH_WARMUP_SECONDS", 10));
    private final Duration duration = Duration.ofSeconds(setting("BENCH_DURATION_SECONDS", 15));
    private final Report report = new Report();
    private final Wrk wrk;

    private Benchmark(Path home, boolean profile) throws Exception {
        this.home = home;
        this.work = home.resolve("bench/target/work");
        this.profile = profile;
        FileSystemUtils.deleteRecursively(work);
        this.wrk = Wrk.withScriptIn(work.resolve("wrk"));
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("finance.home", "."))
                .toAbsolutePath()
                .normalize();
        boolean profile = List.of(args).contains("--profile");
        new Benchmark(home, profile).run();
    }

    /** One endpoint under load: its URL and what the wrk script needs. */
    private record Load(String name, String service, String url, Map<String, String> request) {

        Load atRate(double requestsPerSecond) {
            Map<String, String> paced = new HashMap<>(request);
            paced.put("RATE", Long.toString(Math.round(requestsPerSecond)));
            return new Load(name, service, url, paced);
        }
    }

    /**
     * A page of the web app and the calls to the services it makes for one view: its cost is compared with theirs,
     * measured the same way in the same run.
     */
    private record WebPage(Load page, List<Load> calls) {}

    /** What seeding left for the loads. */
    private record Seeded(
            String historyEmail,
            String writerEmail,
            String loginEmail,
            String deepCursor,
            String expenseId,
            String historyUserId,
            String writerUserId,
            String writerFoodId) {}

    private void run() throws Exception {
        report.setting("connections", Integer.toString(connections));
        report.setting(
                "duration", duration.toSeconds() + " s per measurement, after " + warmup.toSeconds() + " s warm-up");
        report.setting("cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
        report.setting("java", System.getProperty("java.version"));

        Map<String, String> settings = new HashMap<>();
        // the analytics service keeps per-minute statistics for the whole seeded month (by default it keeps them three
        // days and answers for older times from its hourly and daily rows)
        settings.put("FINANCE_ANALYTICS_RETENTION_MINUTES", (USAGE_DAYS + 1) + "d");
        // the seeder registers every user from this machine's one address
        settings.put("FINANCE_USERS_THROTTLE_REGISTRATIONSPERADDRESS", "1000000");
        settings.put("FINANCE_USERS_THROTTLE_REGISTRATIONS", "1000000");
        if (profile) {
            Files.createDirectories(work.resolve("jfr"));
            settings.put(
                    "JAVA_TOOL_OPTIONS",
                    "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + work.resolve("jfr"));
        }
        say("Starting PostgreSQL and the services, one at a time");
        try (IsolatedStack stack = IsolatedStack.start(home, work, false, settings)) {
            for (String service : SERVICES) {
                Duration ready = stack.startService(service);
                report.ready(service, ready);
                say("  %s ready in %.2f s", service, ready.toMillis() / 1000.0);
            }
            Seeded seeded = seed(stack);
            for (String service : SERVICES) {
                report.idleMemory(service, ProcessStats.residentMb(stack.pid(service)));
            }
            List<Load> loads = loads(stack, seeded);
            Map<String, Wrk.Result> peaks = loadEach(stack, loads);
            ceilings(stack, seeded);
            for (Load load : loads) {
                if (load.name().equals("GET /expenses") || load.name().equals("POST /expenses")) {
                    halfRate(load, peaks.get(load.name()));
                }
            }
            analyticsAlone(loads);
            for (WebPage page : pages(stack, seeded)) {
                measure(stack, page);
            }
            recordingOverhead(stack, seeded);
            importAgainstCopy(stack);
            report.stackMemory(ProcessStats.proportionalMb(stackProcesses(stack)));
        }
        Path table = report.write(home.resolve("bench/results"));
        System.out.println();
        System.out.println(report.table());
        say("Written to %s and bench/results/latest.json", home.relativize(table));
    }

    private Seeded seed(IsolatedStack stack) throws Exception {
        say(
                "Seeding: 100 users with 20 expenses each, one user with 100000 expenses over ten years,"
                        + " %d days of per-minute usage statistics for 50 routes",
                USAGE_DAYS);
        Seeder seeder = seeder(stack);
        seeder.smallUsers(100, 20);
        String historyEmail = Seeder.uniqueEmail("history");
        seeder.history(seeder.newUser(historyEmail), 100_000);
        String writerEmail = Seeder.uniqueEmail("writer");
        seeder.newUser(writerEmail);
        String loginEmail = Seeder.uniqueEmail("login");
        seeder.newUser(loginEmail);
        Seeder.usageStatistics(stack.jdbcUrl(Topology.ANALYTICS_SERVICE), 50, USAGE_DAYS);
        for (String service : SERVICES) {
            sql(stack, service, "vacuum analyze");
        }
        String history = seeder.login(historyEmail, Seeder.PASSWORD);
        String writerId = sqlValue(stack, Topology.USER_SERVICE, "select id from users where email = ?", writerEmail);
        // the writer's default categories come with its first request to the expense service
        seeder.categories(seeder.login(writerEmail, Seeder.PASSWORD));
        return new Seeded(
                historyEmail,
                writerEmail,
                loginEmail,
                seeder.deepCursor(history, 50_000),
                seeder.someExpenseId(history),
                sqlValue(stack, Topology.USER_SERVICE, "select id from users where email = ?", historyEmail),
                writerId,
                sqlValue(
                        stack,
                        Topology.EXPENSE_SERVICE,
                        "select id from categories where user_id = cast(? as uuid) and name = 'Food'",
                        writerId));
    }

    /**
     * A CSV import of 200 000 new rows through the API, against PostgreSQL's own COPY of the same file into a table of
     * its columns, in the same run.
     */
    private void importAgainstCopy(IsolatedStack stack) throws Exception {
        int rows = 200_000;
        String csv = Seeder.importFile(rows);
        say("CSV import of %d rows (%.1f MB) against COPY", rows, csv.length() / 1e6);
        Seeder seeder = seeder(stack);
        String token = seeder.newUser(Seeder.uniqueEmail("importer"));
        long started = System.nanoTime();
        ApiResponse imported = new ApiClient(stack.url(Topology.EXPENSE_SERVICE))
                .post("/expenses/import")
                .bearer(token)
                .timeout(Duration.ofMinutes(10))
                .body("text/csv", csv)
                .send();
        double importSeconds = (System.nanoTime() - started) / 1e9;
        if (imported.status() != 200 || imported.json().path("imported").asInt() != rows) {
            throw new IllegalStateException("the import did not import every row: " + imported);
        }
        double copySeconds;
        try (Connection connection =
                        DriverManager.getConnection(stack.jdbcUrl(Topology.EXPENSE_SERVICE), "postgres", "");
                Statement sql = connection.createStatement()) {
            sql.execute("create temporary table copied (date date, amount numeric, currency text, category text,"
                    + " description text, tags text)");
            started = System.nanoTime();
            long copied = connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy copied from stdin (format csv, header true)", new StringReader(csv));
            copySeconds = (System.nanoTime() - started) / 1e9;
            if (copied != rows) {
                throw new IllegalStateException("COPY took " + copied + " rows of " + rows);
            }
        }
        report.importAgainstCopy(rows / importSeconds, rows / copySeconds);
        say("  import %.0f rows/s, COPY %.0f rows/s", rows / importSeconds, rows / copySeconds);
    }

    /** The processes of the stack: every service, and PostgreSQL's server with its backends. */
    private Set<ProcessHandle> stackProcesses(IsolatedStack stack) throws IOException {
        Set<ProcessHandle> processes = new HashSet<>();
        for (String service : SERVICES) {
            ProcessHandle.of(stack.pid(service)).ifPresent(processes::add);
        }
        long postmaster = Long.parseLong(Files.readAllLines(work.resolve("postgres/postmaster.pid"))
                .getFirst()
                .strip());
        ProcessHandle.of(postmaster).ifPresent(server -> {
            processes.add(server);
            server.descendants().forEach(processes::add);
        });
        return processes;
    }

    /** The hot endpoints, each with a fresh token (access tokens live 15 minutes). */
    private List<Load> loads(IsolatedStack stack, Seeded seeded) {
        Seeder seeder = seeder(stack);
        Map<String, String> history = bearer(seeder.login(seeded.historyEmail(), Seeder.PASSWORD));
        String admin = seeder.login(
                stack.credentials().adminEmail(), stack.credentials().adminPassword());
        String expenses = stack.url(Topology.EXPENSE_SERVICE);
        Instant monthAgo = Instant.now().minus(Duration.ofDays(USAGE_DAYS));
        return List.of(
                new Load("GET /expenses", Topology.EXPENSE_SERVICE, expenses + "/expenses?limit=50", history),
                new Load(
                        "GET /expenses (deep cursor)",
                        Topology.EXPENSE_SERVICE,
                        expenses + "/expenses?limit=50&cursor=" + seeded.deepCursor(),
                        history),
                new Load(
                        "GET /expenses/{id}",
                        Topology.EXPENSE_SERVICE,
                        expenses + "/expenses/" + seeded.expenseId(),
                        history),
                new Load(
                        "GET /expenses/summary",
                        Topology.EXPENSE_SERVICE,
                        expenses + "/expenses/summary?groupBy=month",
                        history),
                new Load(
                        "GET /analytics",
                        Topology.ANALYTICS_SERVICE,
                        stack.url(Topology.ANALYTICS_SERVICE) + "/analytics?from=" + monthAgo,
                        bearer(admin)),
                new Load(
                        "POST /expenses",
                        Topology.EXPENSE_SERVICE,
                        expenses + "/expenses",
                        Map.of(
                                "METHOD",
                                "POST",
                                "TOKEN",
                                seeder.login(seeded.writerEmail(), Seeder.PASSWORD),
                                "BODY",
                                "{\"amount\":\"{AMOUNT}\",\"category\":\"Food\",\"date\":\"{DAY}\"}")),
                new Load(
                        "POST /insights/category-suggestions",
                        Topology.INSIGHTS_SERVICE,
                        stack.url(Topology.INSIGHTS_SERVICE) + "/insights/category-suggestions",
                        Map.of(
                                "METHOD",
                                "POST",
                                "TOKEN",
                                seeder.login(seeded.writerEmail(), Seeder.PASSWORD),
                                "BODY",
                                "{\"description\":\"SQ *CORNER COFFEE 0423 SEATTLE\",\"amount\":\"{AMOUNT}\","
                                        + "\"date\":\"{DAY}\"}")),
                new Load(
                        "POST /login",
                        Topology.USER_SERVICE,
                        stack.url(Topology.USER_SERVICE) + "/login",
                        Map.of(
                                "METHOD",
                                "POST",
                                "BODY",
                                "{\"email\":\"%s\",\"password\":\"%s\"}"
                                        .formatted(seeded.loginEmail(), Seeder.PASSWORD))));
    }

    /**
     * Home and the expenses page of the person with 100 000 expenses, in a session of the web app, each with the calls
     * to the expense service it makes (the same queries, with the same token as the session holds).
     */
    private List<WebPage> pages(IsolatedStack stack, Seeded seeded) throws Exception {
        String web = stack.url(Topology.WEB_APP);
        Map<String, String> session =
                Map.of("COOKIE", WebSession.logIn(web, seeded.historyEmail(), Seeder.PASSWORD), "ACCEPT", "text/html");
        Map<String, String> history = bearer(seeder(stack).login(seeded.historyEmail(), Seeder.PASSWORD));
        String expenses = stack.url(Topology.EXPENSE_SERVICE);
        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        String thisMonth = "from=" + month.atDay(1) + "&to=" + month.atEndOfMonth();
        Load home = new Load("Page /", Topology.WEB_APP, web + "/", session);
        Load list = new Load("Page /expenses", Topology.WEB_APP, web + "/expenses", session);
        Load categories = new Load("GET /categories", Topology.EXPENSE_SERVICE, expenses + "/categories", history);
        return List.of(
                new WebPage(
                        home,
                        List.of(
                                new Load(
                                        "summary by month",
                                        Topology.EXPENSE_SERVICE,
                                        expenses + "/expenses/summary?groupBy=month&from="
                                                + month.minusMonths(1).atDay(1) + "&to=" + month.atEndOfMonth(),
                                        history),
                                new Load(
                                        "summary by category",
                                        Topology.EXPENSE_SERVICE,
                                        expenses + "/expenses/summary?groupBy=category&" + thisMonth,
                                        history),
                                new Load(
                                        "summary by day",
                                        Topology.EXPENSE_SERVICE,
                                        expenses + "/expenses/summary?groupBy=day&" + thisMonth,
                                        history),
                                new Load(
                                        "latest expenses",
                                        Topology.EXPENSE_SERVICE,
                                        expenses + "/expenses?sort=-createdAt&limit=8",
                                        history),
                                categories)),
                new WebPage(
                        list,
                        List.of(
                                new Load(
                                        "first 50 expenses",
                                        Topology.EXPENSE_SERVICE,
                                        expenses + "/expenses?limit=50",
                                        history),
                                categories)));
    }

    /**
     * A page at full speed and at half that rate, and each call behind it at full speed: the calls' ceiling is the rate
     * at which one view's worth of them can be answered, one after the other, so the page's ratio to it says what the
     * web app adds.
     */
    private void measure(IsolatedStack stack, WebPage page) throws Exception {
        Load load = page.page();
        say("Loading %s with %d connections", load.name(), connections);
        wrk.run(load.url(), load.request(), connections, warmup);
        Wrk.Result peak;
        try (ProcessStats.PeakSampler sampler = new ProcessStats.PeakSampler(stack.pid(Topology.WEB_APP))) {
            peak = wrk.run(load.url(), load.request(), connections, duration);
            report.loadMemory(Topology.WEB_APP, sampler.peakMb());
        }
        report.endpoint(load.name(), peak);
        say("  %.0f requests/s, p50 %.2f ms, p99 %.2f ms", peak.requestsPerSecond(), peak.p50Ms(), peak.p99Ms());
        double secondsPerView = 0;
        for (Load call : page.calls()) {
            wrk.run(call.url(), call.request(), connections, warmup);
            Wrk.Result result = wrk.run(call.url(), call.request(), connections, duration);
            secondsPerView += 1 / result.requestsPerSecond();
            say("  behind it, %s: %.0f requests/s", call.name(), result.requestsPerSecond());
        }
        report.ceiling(load.name(), 1 / secondsPerView);
        say("  the calls behind one view: %.0f views/s", 1 / secondsPerView);
        halfRate(load, peak);
    }

    /** Each endpoint at full speed, with the resident memory of its service sampled meanwhile. */
    private Map<String, Wrk.Result> loadEach(IsolatedStack stack, List<Load> loads) throws Exception {
        Map<String, Double> peakMemory = new LinkedHashMap<>();
        Map<String, Wrk.Result> results = new LinkedHashMap<>();
        for (Load load : loads) {
            say("Loading %s with %d connections", load.name(), connections);
            wrk.run(load.url(), load.request(), connections, warmup);
            try (ProcessStats.PeakSampler sampler = new ProcessStats.PeakSampler(stack.pid(load.service()))) {
                Wrk.Result result = wrk.run(load.url(), load.request(), connections, duration);
                results.put(load.name(), result);
                report.endpoint(load.name(), result);
                peakMemory.merge(load.service(), sampler.peakMb(), Math::max);
                say(
                        "  %.0f requests/s, p50 %.2f ms, p99 %.2f ms%s",
                        result.requestsPerSecond(),
                        result.p50Ms(),
                        result.p99Ms(),
                        result.errors() > 0 ? ", " + result.errors() + " errors" : "");
            }
        }
        peakMemory.forEach(report::loadMemory);
        return results;
    }

    /** pgbench running the SQL of a list and of a create, at the same concurrency, against the same database. */
    private void ceilings(IsolatedStack stack, Seeded seeded) throws Exception {
        say("Ceiling: pgbench running the services' SQL with %d clients", connections);
        PgBench pgbench = new PgBench(work, stack.databasePort());
        PgBench.Result list =
                pgbench.run("list", "expenses", ServiceSql.list(seeded.historyUserId()), connections, duration);
        PgBench.Result create = pgbench.run(
                "create",
                "expenses",
                ServiceSql.create(seeded.writerUserId(), seeded.writerFoodId()),
                connections,
                duration);
        report.ceiling("GET /expenses", list.transactionsPerSecond());
        report.ceiling("POST /expenses", create.transactionsPerSecond());
        say("  list %.0f/s, create %.0f/s", list.transactionsPerSecond(), create.transactionsPerSecond());
    }

    /** The latency of an endpoint below saturation: at half the rate it reached at full speed. */
    private void halfRate(Load load, Wrk.Result peak) throws Exception {
        double rate = peak.requestsPerSecond() / 2;
        say("Latency of %s at half its peak rate (%.0f requests/s)", load.name(), rate);
        Wrk.Result half = wrk.run(load.url(), load.atRate(rate).request(), connections, duration);
        report.halfRate(load.name(), half);
        say("  %.0f requests/s, p50 %.2f ms, p99 %.2f ms", half.requestsPerSecond(), half.p50Ms(), half.p99Ms());
    }

    /** How long GET /analytics takes for one administrator alone, which is how the dashboard asks. */
    private void analyticsAlone(List<Load> loads) throws Exception {
        Load analytics = loads.stream()
                .filter(load -> load.name().equals("GET /analytics"))
                .findFirst()
                .orElseThrow();
        say("GET /analytics from one client");
        Wrk.Result alone = wrk.run(analytics.url(), analytics.request(), 1, duration);
        report.endpoint("GET /analytics (one client)", alone);
        say("  %.0f requests/s, p50 %.2f ms, p99 %.2f ms", alone.requestsPerSecond(), alone.p50Ms(), alone.p99Ms());
    }

    /**
     * The expense service with usage recording off and on, restarted for each, three times each in turns; the same
     * light endpoint loaded each time, so that recording's share of the work is as large as it gets.
     */
    private void recordingOverhead(IsolatedStack stack, Seeded seeded) throws Exception {
        say("Usage recording: GET /expenses/{id} with recording off and on, in turns, three times each");
        Load light = new Load(
                "GET /expenses/{id}",
                Topology.EXPENSE_SERVICE,
                stack.url(Topology.EXPENSE_SERVICE) + "/expenses/" + seeded.expenseId(),
                bearer(seeder(stack).login(seeded.historyEmail(), Seeder.PASSWORD)));
        Map<Boolean, List<Double>> rates = new HashMap<>();
        Map<Boolean, List<Double>> cpu = new HashMap<>();
        for (int round = 0; round < 3; round++) {
            for (boolean recording : List.of(false, true)) {
                stack.stopService(Topology.EXPENSE_SERVICE);
                stack.startService(
                        Topology.EXPENSE_SERVICE, Map.of("FINANCE_USAGE_ENABLED", Boolean.toString(recording)));
                long pid = stack.pid(Topology.EXPENSE_SERVICE);
                wrk.run(light.url(), light.request(), connections, warmup);
                double cpuBefore = ProcessStats.cpuSeconds(pid);
                Wrk.Result result = wrk.run(light.url(), light.request(), connections, duration);
                double cpuMsPerRequest = (ProcessStats.cpuSeconds(pid) - cpuBefore) * 1000 / result.requests();
                rates.computeIfAbsent(recording, r -> new ArrayList<>()).add(result.requestsPerSecond());
                cpu.computeIfAbsent(recording, r -> new ArrayList<>()).add(cpuMsPerRequest);
                say(
                        "  recording %s: %.0f requests/s, %.3f ms of expense-service CPU per request",
                        recording ? "on " : "off", result.requestsPerSecond(), cpuMsPerRequest);
            }
        }
        report.recording(
                average(rates.get(true)), average(rates.get(false)), average(cpu.get(true)), average(cpu.get(false)));
    }

    private static Seeder seeder(IsolatedStack stack) {
        return new Seeder(
                new ApiClient(stack.url(Topology.USER_SERVICE)), new ApiClient(stack.url(Topology.EXPENSE_SERVICE)));
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("TOKEN", token);
    }

    private static double average(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static void sql(IsolatedStack stack, String service, String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(service), "postgres", "");
                Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private static String sqlValue(IsolatedStack stack, String service, String query, String parameter)
            throws SQLException {
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(service), "postgres", "");
                PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, parameter);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no row for " + query + " with " + parameter);
                }
                return row.getString(1);
            }
        }
    }

    private static int setting(String name, int defaultValue) {
        @Nullable String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : Integer.parseInt(value.strip());
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(format, args));
    }
}
