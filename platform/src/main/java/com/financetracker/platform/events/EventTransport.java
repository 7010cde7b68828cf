package com.financetracker.platform.events;

/** Carries outbox events to the services that consume them. */
public interface EventTransport {

    /** Delivers one event; returns only once the receiver has it durably. */
    void deliver(EventEnvelope event) throws DeliveryException;

    /**
     * Where an event goes. After a failure the relay holds back the round's other events for the same destination
     * instead of waiting for each of them to fail too.
     */
    String destination(EventEnvelope event);
}
