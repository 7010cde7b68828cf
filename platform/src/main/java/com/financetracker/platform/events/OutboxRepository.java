package com.financetracker.platform.events;

import com.financetracker.platform.jdbc.AdvisoryLock;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The outbox table as the relay sees it. */
final class OutboxRepository {

    record PendingEvent(long id, int attempts, String destination, EventEnvelope envelope) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    OutboxRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Takes the relay lock for the current transaction; false when another instance holds it. */
    boolean tryLock() {
        return AdvisoryLock.OUTBOX_RELAY.tryLock(jdbc);
    }

    /**
     * Pending events that are due, oldest first, leaving out any event whose key has an earlier event for the same
     * destination still waiting for its next attempt: per key and destination, events are delivered strictly in order.
     */
    List<PendingEvent> due(int limit) {
        return jdbc.sql("""
                        select o.id, o.attempts, o.destination, o.event_id, o.event_type, o.event_key, o.created_at,
                               o.payload::text
                          from platform.outbox o
                         where o.delivered_at is null and o.dead_at is null and o.next_attempt_at <= now()
                           and o.destination <> ''
                           and not exists (
                               select 1 from platform.outbox earlier
                                where earlier.event_key = o.event_key and earlier.destination = o.destination
                                  and earlier.id < o.id
                                  and earlier.delivered_at is null and earlier.dead_at is null
                                  and earlier.next_attempt_at > now())
                         order by o.id
                         limit :limit
                        """)
                .param("limit", limit)
                .query((rs, n) -> new PendingEvent(
                        rs.getLong("id"),
                        rs.getInt("attempts"),
                        rs.getString("destination"),
                        new EventEnvelope(
                                rs.getObject("event_id", UUID.class),
                                rs.getString("event_type"),
                                rs.getString("event_key"),
                                rs.getTimestamp("created_at").toInstant(),
                                json.readTree(rs.getString("payload")))))
                .list();
    }

    /** The types of pending rows recorded before rows had a destination. */
    List<String> undirectedTypes() {
        return jdbc.sql("""
                        select distinct event_type from platform.outbox
                         where destination = '' and delivered_at is null and dead_at is null
                        """).query(String.class).list();
    }

    /** Gives the pending rows of a type without a destination one row per destination, keeping their order. */
    void direct(String type, List<String> destinations) {
        jdbc.sql("""
                        insert into platform.outbox (event_id, event_type, event_key, payload, created_at, destination)
                        select o.event_id, o.event_type, o.event_key, o.payload, o.created_at, d.destination
                          from platform.outbox o, unnest(cast(:destinations as text[])) as d(destination)
                         where o.destination = '' and o.event_type = :type
                           and o.delivered_at is null and o.dead_at is null
                         order by o.id, d.destination
                        """)
                .param("type", type)
                .param("destinations", destinations.toArray(String[]::new))
                .update();
        jdbc.sql("""
                        delete from platform.outbox
                         where destination = '' and event_type = :type and delivered_at is null and dead_at is null
                        """).param("type", type).update();
    }

    void markDelivered(long id) {
        jdbc.sql("update platform.outbox set delivered_at = now(), attempts = attempts + 1, last_error = null"
                        + " where id = :id")
                .param("id", id)
                .update();
    }

    void markFailed(long id, Duration retryIn, String error) {
        jdbc.sql("""
                        update platform.outbox
                           set attempts = attempts + 1, last_error = :error,
                               next_attempt_at = now() + make_interval(secs => :seconds)
                         where id = :id
                        """)
                .param("id", id)
                .param("error", truncate(error))
                .param("seconds", retryIn.toMillis() / 1000.0)
                .update();
    }

    void markDead(long id, String error) {
        jdbc.sql("update platform.outbox set dead_at = now(), attempts = attempts + 1, last_error = :error"
                        + " where id = :id")
                .param("id", id)
                .param("error", truncate(error))
                .update();
    }

    long pendingCount() {
        return jdbc.sql("select count(*) from platform.outbox where delivered_at is null and dead_at is null")
                .query(Long.class)
                .single();
    }

    int deleteDeliveredBefore(Instant cutoff) {
        return jdbc.sql("""
                        delete from platform.outbox where id in (
                            select id from platform.outbox where delivered_at < :cutoff limit 10000)
                        """).param("cutoff", Timestamp.from(cutoff)).update();
    }

    private static String truncate(String error) {
        return error.length() > 1000 ? error.substring(0, 1000) : error;
    }
}
