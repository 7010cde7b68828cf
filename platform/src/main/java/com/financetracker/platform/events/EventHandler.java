package com.financetracker.platform.events;

/**
 * Applies one type of event a service receives from others. The handlers a service declares are what it subscribes
 * to: over Kafka their types' topics are consumed, over HTTP the inbox accepts their types.
 *
 * @param <P> the payload record of the event type
 */
public interface EventHandler<P> {

    /** The event type handled. */
    EventType<P> type();

    /**
     * Applies the event inside the inbox's transaction: its effects and the record that the event was processed
     * commit together, so a redelivered event is never applied twice. The payload has already been bound and
     * validated; throw {@link EventRejectedException} to refuse the event for good, anything else to have it retried.
     */
    void handle(P payload, EventEnvelope event);
}
