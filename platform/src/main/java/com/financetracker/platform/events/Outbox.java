package com.financetracker.platform.events;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records an event in the service's outbox table, inside the caller's transaction: the event exists if and only if
 * the change that caused it was committed. The relay delivers it afterwards, woken as soon as the transaction
 * commits.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Runnable afterCommit;

    Outbox(JdbcClient jdbc, JsonMapper json, Runnable afterCommit) {
        this.jdbc = jdbc;
        this.json = json;
        this.afterCommit = afterCommit;
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
        return publish(UUID.randomUUID(), type, key, payload);
    }

    /** Adds an event whose id the caller chose, for payloads that carry their own id (such as usage reports). */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID publish(UUID id, String type, String key, Object payload) {
        jdbc.sql("""
                        insert into platform.outbox (event_id, event_type, event_key, payload)
                        values (:id, :type, :key, cast(:payload as jsonb))
                        """)
                .param("id", id)
                .param("type", type)
                .param("key", key)
                .param("payload", json.writeValueAsString(payload))
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                afterCommit.run();
            }
        });
        return id;
    }
}
