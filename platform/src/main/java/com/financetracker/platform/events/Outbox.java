package com.financetracker.platform.events;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records an event in the service's outbox table, inside the caller's transaction: the event exists if and only if
 * the change that caused it was committed. It is recorded once per destination the transport names for its type,
 * and the relay delivers each afterwards, woken as soon as the transaction commits.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final EventTransport transport;
    private final Runnable afterCommit;

    Outbox(JdbcClient jdbc, JsonMapper json, EventTransport transport, Runnable afterCommit) {
        this.jdbc = jdbc;
        this.json = json;
        this.transport = transport;
        this.afterCommit = afterCommit;
    }

    /**
     * Adds an event to the outbox.
     *
     * @param type what happened
     * @param key what the event is about; events with the same key are delivered in the order they were recorded
     * @param payload the event's data, serialized as JSON
     * @return the event's id, which consumers use to recognize a redelivery
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public <P> UUID publish(EventType<P> type, String key, P payload) {
        return publish(UUID.randomUUID(), type, key, payload);
    }

    /**
     * Adds one event per payload, in the order given, with one statement: for the many events a bulk change causes
     * (an import's created expenses).
     *
     * @param key what each event is about, as in {@link #publish(EventType, String, Object)}
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public <P> void publishAll(EventType<P> type, Function<P, String> key, List<P> payloads) {
        if (payloads.isEmpty()) {
            return;
        }
        List<String> destinations = destinations(type);
        jdbc.sql("""
                        insert into platform.outbox (event_id, event_type, event_key, payload, destination)
                        select gen_random_uuid(), :type, event.key, cast(event.payload as jsonb), destination
                          from unnest(cast(:keys as text[]), cast(:payloads as text[])) with ordinality
                                   as event (key, payload, position)
                         cross join unnest(cast(:destinations as text[])) as destination
                         order by event.position
                        """)
                .param("type", type.name())
                .param("keys", payloads.stream().map(key).toArray(String[]::new))
                .param(
                        "payloads",
                        payloads.stream().map(json::writeValueAsString).toArray(String[]::new))
                .param("destinations", destinations.toArray(String[]::new))
                .update();
        wakeRelayAfterCommit();
    }

    /** Adds an event whose id the caller chose, for payloads that carry their own id (such as usage reports). */
    @Transactional(propagation = Propagation.MANDATORY)
    public <P> UUID publish(UUID id, EventType<P> type, String key, P payload) {
        List<String> destinations = destinations(type);
        jdbc.sql("""
                        insert into platform.outbox (event_id, event_type, event_key, payload, destination)
                        select :id, :type, :key, cast(:payload as jsonb), destination
                          from unnest(cast(:destinations as text[])) as destination
                        """)
                .param("id", id)
                .param("type", type.name())
                .param("key", key)
                .param("payload", json.writeValueAsString(payload))
                .param("destinations", destinations.toArray(String[]::new))
                .update();
        wakeRelayAfterCommit();
        return id;
    }

    private List<String> destinations(EventType<?> type) {
        List<String> destinations = transport.destinations(type);
        if (destinations.isEmpty()) {
            throw new IllegalStateException(
                    "Events of type " + type.name() + " have nowhere to go: " + transport.howToRoute(type.name()));
        }
        return destinations;
    }

    private void wakeRelayAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                afterCommit.run();
            }
        });
    }
}
