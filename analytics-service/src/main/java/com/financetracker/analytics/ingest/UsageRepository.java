package com.financetracker.analytics.ingest;

import com.financetracker.platform.jdbc.AdvisoryLock;
import com.financetracker.platform.usage.LatencySketch;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The usage tables. Arrays travel as text and are cast in SQL, so one statement reads or writes a whole report. */
@Repository
class UsageRepository {

    private static final String COLUMNS = "bucket, service, method, route, status, count, duration_sum_ms,"
            + " duration_max_ms, first_seen, last_seen, sketch";

    private final JdbcClient jdbc;

    UsageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void lockForIngest() {
        AdvisoryLock.USAGE_INGEST.lock(jdbc);
    }

    /** The stored rows with these keys. */
    List<UsageRow> find(Tier tier, Collection<UsageRow.Key> keys) {
        Columns columns = new Columns(keys.stream()
                .map(key -> new UsageRow(
                        key.bucket(),
                        key.service(),
                        key.method(),
                        key.route(),
                        key.status(),
                        0,
                        0,
                        0,
                        key.bucket(),
                        key.bucket(),
                        LatencySketch.empty()))
                .toList());
        return jdbc.sql("select " + COLUMNS + " from " + tier.table() + """
                         where (bucket, service, method, route, status) in (
                            select * from unnest(cast(:buckets as timestamptz[]), cast(:services as text[]),
                                                 cast(:methods as text[]), cast(:routes as text[]),
                                                 cast(:statuses as smallint[])))
                        """)
                .param("buckets", columns.buckets)
                .param("services", columns.services)
                .param("methods", columns.methods)
                .param("routes", columns.routes)
                .param("statuses", columns.statuses)
                .query(UsageRepository::map)
                .list();
    }

    /** Writes the rows, replacing any stored row with the same key. */
    void save(Tier tier, Collection<UsageRow> rows) {
        Columns columns = new Columns(List.copyOf(rows));
        jdbc.sql("insert into " + tier.table() + " (" + COLUMNS + ")" + """
                         select b, s, m, r, st, c, sm, mx, fs, ls, decode(sk, 'base64')
                           from unnest(cast(:buckets as timestamptz[]), cast(:services as text[]),
                                       cast(:methods as text[]), cast(:routes as text[]), cast(:statuses as smallint[]),
                                       cast(:counts as bigint[]), cast(:sums as float8[]), cast(:maxes as float8[]),
                                       cast(:firsts as timestamptz[]), cast(:lasts as timestamptz[]),
                                       cast(:sketches as text[]))
                                as t(b, s, m, r, st, c, sm, mx, fs, ls, sk)
                        on conflict (bucket, service, method, route, status) do update
                           set count = excluded.count, duration_sum_ms = excluded.duration_sum_ms,
                               duration_max_ms = excluded.duration_max_ms, first_seen = excluded.first_seen,
                               last_seen = excluded.last_seen, sketch = excluded.sketch
                        """)
                .param("buckets", columns.buckets)
                .param("services", columns.services)
                .param("methods", columns.methods)
                .param("routes", columns.routes)
                .param("statuses", columns.statuses)
                .param("counts", columns.counts)
                .param("sums", columns.sums)
                .param("maxes", columns.maxes)
                .param("firsts", columns.firsts)
                .param("lasts", columns.lasts)
                .param("sketches", columns.sketches)
                .update();
    }

    /** Every row of the tier with a bucket in [from, to), optionally of one service, one at a time. */
    void forEach(
            Tier tier,
            Instant from,
            Instant to,
            @Nullable String service,
            @Nullable String method,
            @Nullable String route,
            Consumer<UsageRow> consumer) {
        String sql = "select " + COLUMNS + " from " + tier.table() + " where bucket >= :from and bucket < :to"
                + (service == null ? "" : " and service = :service")
                + (method == null ? "" : " and method = :method")
                + (route == null ? "" : " and route = :route");
        JdbcClient.StatementSpec statement =
                jdbc.sql(sql).param("from", Timestamp.from(from)).param("to", Timestamp.from(to));
        if (service != null) {
            statement.param("service", service);
        }
        if (method != null) {
            statement.param("method", method);
        }
        if (route != null) {
            statement.param("route", route);
        }
        RowCallbackHandler each = rs -> consumer.accept(map(rs, 0));
        statement.query(each);
    }

    long revision() {
        return jdbc.sql("select revision from usage_revision").query(Long.class).single();
    }

    int deleteBefore(Tier tier, Instant cutoff) {
        return jdbc.sql("delete from " + tier.table() + " where bucket < :cutoff")
                .param("cutoff", Timestamp.from(cutoff))
                .update();
    }

    private static UsageRow map(ResultSet rs, int row) throws SQLException {
        return new UsageRow(
                rs.getTimestamp("bucket").toInstant(),
                rs.getString("service"),
                rs.getString("method"),
                rs.getString("route"),
                rs.getInt("status"),
                rs.getLong("count"),
                rs.getDouble("duration_sum_ms"),
                rs.getDouble("duration_max_ms"),
                rs.getTimestamp("first_seen").toInstant(),
                rs.getTimestamp("last_seen").toInstant(),
                LatencySketch.readStored(rs.getBytes("sketch")));
    }

    /** Rows as parallel text arrays, one per column. */
    private static final class Columns {
        final String[] buckets;
        final String[] services;
        final String[] methods;
        final String[] routes;
        final String[] statuses;
        final String[] counts;
        final String[] sums;
        final String[] maxes;
        final String[] firsts;
        final String[] lasts;
        final String[] sketches;

        Columns(List<UsageRow> rows) {
            int n = rows.size();
            buckets = new String[n];
            services = new String[n];
            methods = new String[n];
            routes = new String[n];
            statuses = new String[n];
            counts = new String[n];
            sums = new String[n];
            maxes = new String[n];
            firsts = new String[n];
            lasts = new String[n];
            sketches = new String[n];
            Base64.Encoder base64 = Base64.getEncoder();
            for (int i = 0; i < n; i++) {
                UsageRow row = rows.get(i);
                buckets[i] = row.bucket().toString();
                services[i] = row.service();
                methods[i] = row.method();
                routes[i] = row.route();
                statuses[i] = Integer.toString(row.status());
                counts[i] = Long.toString(row.count());
                sums[i] = Double.toString(row.durationSumMs());
                maxes[i] = Double.toString(row.durationMaxMs());
                firsts[i] = row.firstSeen().toString();
                lasts[i] = row.lastSeen().toString();
                sketches[i] = base64.encodeToString(row.sketch().encode());
            }
        }
    }
}
