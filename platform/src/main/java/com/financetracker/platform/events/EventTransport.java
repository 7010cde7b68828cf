package com.financetracker.platform.events;

import java.util.List;

/** Carries outbox events to the services that consume them. */
public interface EventTransport {

    /**
     * Where events of the type go: each destination gets its own outbox row, delivered, retried and set aside on its
     * own. Empty when the type is not routed.
     */
    List<String> destinations(EventType<?> type);

    /**
     * The destinations of a type known only by its name, for rows recorded before rows had a destination; empty when
     * this transport cannot tell.
     */
    List<String> destinations(String type);

    /** Says which setting routes events of the type, for the message when none is configured. */
    String howToRoute(String type);

    /** Delivers one event to one destination; returns only once the receiver has it durably. */
    void deliver(EventEnvelope event, String destination) throws DeliveryException;
}
