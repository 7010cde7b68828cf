package com.financetracker.platform.events;

/**
 * A kind of event the services exchange, declared once as a constant next to its payload record: its name on the
 * wire ({@code user.deleted}), the Kafka topic it travels on, and the record its payload binds to. Events that must
 * keep their order relative to each other share a topic and are keyed alike.
 *
 * @param name what happened, as receivers see it in {@link EventEnvelope#type()}
 * @param topic the Kafka topic carrying events of this type (a dead-letter topic {@code <topic>.dlt} goes with it)
 * @param payloadType the payload's record, validated with Bean Validation when received
 */
public record EventType<P>(String name, String topic, Class<P> payloadType) {}
