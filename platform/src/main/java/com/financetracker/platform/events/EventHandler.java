package com.financetracker.platform.events;

/** Applies one type of event a service receives from others. */
public interface EventHandler {

    /** The event type handled, such as {@code user.deleted}. */
    String type();

    /**
     * Applies the event inside the inbox's transaction: its effects and the record that the event was processed
     * commit together, so a redelivered event is never applied twice. Throw to refuse the event; a
     * {@link com.financetracker.platform.web.ProblemException} with a 4xx status refuses it for good.
     */
    void handle(EventEnvelope event);
}
