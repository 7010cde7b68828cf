package com.financetracker.platform.events;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records an event in the service's outbox table, inside the caller's transaction: the event exists if and only if
 * the change that caused it was committed. A relay delivers it afterwards.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public Outbox(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Adds an event to the outbox.
     *
     * @param type what happened, such as {@code user.deleted}
     * @param key what the event is about; events with the same key are delivered in the order they were recorded
     * @param payload the event's data, serialized as JSON
     * @return the event's id, which consumers use to recognize a redelivery
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID publish(String type, String key, Object payload) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into platform.outbox (event_id, event_type, event_key, payload, created_at)
                        values (:id, :type, :key, cast(:payload as jsonb), now())
                        """)
                .param("id", id)
                .param("type", type)
                .param("key", key)
                .param("payload", json.writeValueAsString(payload))
                .update();
        return id;
    }
}
