package com.financetracker.bench;

import com.financetracker.platform.test.ApiClient;
import com.financetracker.platform.test.ApiResponse;
import com.financetracker.platform.usage.LatencySketch;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Realistic data: many small users, one user with a long history, and a month of usage statistics. */
final class Seeder {

    static final String PASSWORD = "bench-password-123";
    private static final String[] CURRENCIES = {"EUR", "USD", "GBP"};
    /** The categories the long history uses besides the defaults the expense service gives every user. */
    private static final List<String> MORE_CATEGORIES = List.of("Kids", "Pets");

    private static final String[] TAGS = {"", "work", "family", "trip", "gift", "work;trip"};
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    private final ApiClient users;
    private final ApiClient expenses;
    private final Random random = new Random(42);

    Seeder(ApiClient users, ApiClient expenses) {
        this.users = users;
        this.expenses = expenses;
    }

    /** Registers a user and returns an access token. */
    String newUser(String email) {
        String credentials = "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, PASSWORD);
        ApiResponse registered = users.post("/register").json(credentials).send();
        if (registered.status() != 201) {
            throw new IllegalStateException("registration failed: " + registered);
        }
        return login(email, PASSWORD);
    }

    String login(String email, String password) {
        ApiResponse response = users.post("/login")
                .json("{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password))
                .send();
        if (response.status() != 200) {
            throw new IllegalStateException("login failed: " + response);
        }
        return response.json().path("access_token").asString();
    }

    /** The given number of users with a few expenses each, created through the API. */
    void smallUsers(int count, int expensesEach) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> work = new ArrayList<>();
            for (int u = 0; u < count; u++) {
                int user = u;
                work.add(pool.submit(() -> {
                    String token = newUser("user-" + user + "@bench.local");
                    for (int e = 0; e < expensesEach; e++) {
                        ApiResponse created = expenses.post("/expenses")
                                .bearer(token)
                                .json("{\"amount\":\"%d.50\",\"category\":\"Food\",\"date\":\"2026-%02d-%02d\"}"
                                        .formatted(e + 1, e % 12 + 1, e % 28 + 1))
                                .send();
                        if (created.status() != 201) {
                            throw new IllegalStateException("create failed: " + created);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
        }
    }

    /** The long history: the given number of expenses over ten years, several currencies and categories, via CSV. */
    void history(String token, int count) {
        String[] categories = Stream.concat(categories(token).stream(), MORE_CATEGORIES.stream())
                .toArray(String[]::new);
        StringBuilder csv = new StringBuilder("date,amount,currency,category,description,tags\n");
        LocalDate start = LocalDate.now().minusYears(10);
        for (int i = 0; i < count; i++) {
            LocalDate date = start.plusDays(random.nextInt(3650));
            String currency = CURRENCIES[random.nextInt(CURRENCIES.length)];
            csv.append(date)
                    .append(',')
                    .append(1 + random.nextInt(400))
                    .append('.')
                    .append(String.format("%02d", random.nextInt(100)))
                    .append(',')
                    .append(currency)
                    .append(',')
                    .append(categories[random.nextInt(categories.length)])
                    .append(",Purchase ")
                    .append(i)
                    .append(',')
                    .append(TAGS[random.nextInt(TAGS.length)])
                    .append('\n');
        }
        ApiResponse imported = expenses.post("/expenses/import")
                .bearer(token)
                // 100 000 rows take longer than the client's usual 30 s on a busy machine
                .timeout(Duration.ofMinutes(10))
                .body("text/csv", csv.toString())
                .send();
        if (imported.status() != 200 || imported.json().path("imported").asInt() != count) {
            throw new IllegalStateException("import failed: " + imported);
        }
    }

    /** A cursor about {@code depth} rows into the user's list, found by walking the pages as a client would. */
    String deepCursor(String token, int depth) {
        String next = "/expenses?limit=1000";
        for (int walked = 0; walked < depth; walked += 1000) {
            ApiResponse page = expenses.get(next).bearer(token).send();
            Matcher link = NEXT.matcher(page.header("Link") == null ? "" : page.header("Link"));
            if (!link.find()) {
                throw new IllegalStateException("the list ended before " + depth + " rows");
            }
            next = link.group(1);
        }
        return next.replaceAll(".*cursor=([^&]+).*", "$1");
    }

    /** The names of the user's categories; the first request of a user to the expense service creates the defaults. */
    List<String> categories(String token) {
        ApiResponse categories = expenses.get("/categories").bearer(token).send();
        if (categories.status() != 200) {
            throw new IllegalStateException("listing categories failed: " + categories);
        }
        return categories.json().findValuesAsString("name");
    }

    String someExpenseId(String token) {
        return expenses.get("/expenses?limit=1")
                .bearer(token)
                .send()
                .json()
                .get(0)
                .path("id")
                .asString();
    }

    /**
     * Usage statistics for the given number of routes over the last days, at every resolution ingest writes: per
     * minute, per hour and per day. Generated inside the database, as 200 requests a minute on each route.
     */
    static void usageStatistics(String jdbcUrl, int routes, int days) throws SQLException {
        Random random = new Random(7);
        byte[][] sketches = new byte[16][];
        for (int s = 0; s < sketches.length; s++) {
            LatencySketch sketch = LatencySketch.empty();
            for (int i = 0; i < 200; i++) {
                sketch.add(Math.exp(1 + 0.7 * random.nextGaussian()));
            }
            sketches[s] = sketch.encode();
        }
        Instant now = Instant.now();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            connection.setAutoCommit(false);
            insertTier(
                    connection,
                    "usage_minute",
                    "1 minute",
                    now.truncatedTo(ChronoUnit.MINUTES),
                    days * 1440,
                    1,
                    routes,
                    sketches);
            insertTier(
                    connection,
                    "usage_hour",
                    "1 hour",
                    now.truncatedTo(ChronoUnit.HOURS),
                    days * 24,
                    60,
                    routes,
                    sketches);
            insertTier(
                    connection,
                    "usage_day",
                    "1 day",
                    now.truncatedTo(ChronoUnit.DAYS),
                    days + 1,
                    1440,
                    routes,
                    sketches);
            connection.commit();
        }
    }

    private static void insertTier(
            Connection connection,
            String table,
            String step,
            Instant last,
            int buckets,
            int minutesPerBucket,
            int routes,
            byte[][] sketches)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into %s (bucket, service, method, route, status, count, duration_sum_ms, duration_max_ms,
                                first_seen, last_seen, sketch)
                select b.bucket,
                       (array['user-service', 'expense-service', 'analytics-service'])[1 + r %% 3],
                       case when r %% 4 = 0 then 'POST' else 'GET' end,
                       '/route-' || r || '/{id}',
                       case when r %% 10 = 9 then 404 else 200 end,
                       200 * ?, 700.0 * ?, 40, b.bucket, b.bucket,
                       (cast(? as bytea[]))[1 + (b.n + r) %% ?]
                  from generate_series(0, ? - 1) as n
                       cross join lateral (select n, cast(? as timestamptz) - n * cast(? as interval) as bucket) as b
                       cross join generate_series(0, ? - 1) as r
                """.formatted(table))) {
            insert.setInt(1, minutesPerBucket);
            insert.setInt(2, minutesPerBucket);
            insert.setArray(3, connection.createArrayOf("bytea", sketches));
            insert.setInt(4, sketches.length);
            insert.setInt(5, buckets);
            insert.setTimestamp(6, Timestamp.from(last));
            insert.setString(7, step);
            insert.setInt(8, routes);
            insert.executeUpdate();
        }
    }

    /** A CSV file of new expenses for POST /expenses/import, every row different, under the 10 MB an import takes. */
    static String importFile(int rows) {
        List<String> categories = List.of("Food", "Transport", "Housing", "Health", "Kids", "Pets");
        StringBuilder csv = new StringBuilder("date,amount,currency,category,description,tags\n");
        LocalDate first = LocalDate.of(2020, 1, 1);
        for (int row = 0; row < rows; row++) {
            csv.append(first.plusDays(row % 2_000))
                    .append(',')
                    .append(1 + row % 500)
                    .append('.')
                    .append(row % 100 < 10 ? "0" : "")
                    .append(row % 100)
                    .append(",EUR,")
                    .append(categories.get(row % categories.size()))
                    .append(",row ")
                    .append(row)
                    .append(",\n");
        }
        return csv.toString();
    }

    static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID() + "@bench.local";
    }
}
