package com.financetracker.platform.events;

import org.jspecify.annotations.Nullable;

/**
 * A kind of event the services exchange, declared once as a constant next to its payload record: its name on the
 * wire ({@code user.deleted}), the Kafka topic it travels on, the record its payload binds to, and which services may
 * send it. Events that must keep their order relative to each other share a topic and are keyed alike.
 *
 * @param name what happened, as receivers see it in {@link EventEnvelope#type()}
 * @param topic the Kafka topic carrying events of this type (a dead-letter topic {@code <topic>.dlt} goes with it)
 * @param payloadType the payload's record, validated with Bean Validation when received
 * @param senders which services may send it: a receiver refuses it from any other (over HTTP, 403)
 */
public record EventType<P>(String name, String topic, Class<P> payloadType, Senders<P> senders) {

    /** A type that only the service named {@code sender} sends. */
    public EventType(String name, String topic, Class<P> payloadType, String sender) {
        this(name, topic, payloadType, Senders.only(sender));
    }

    /**
     * Which services may send events of a type, judged by the sending service's name and, where it names a service,
     * the payload. The name is the subject of the sender's service token: the client id it logged in with, which is
     * the service's name ({@code spring.application.name}). It is fixed here, in code, so no configuration can let a
     * service send what another one owns; what a client id may do follows from the name alone.
     */
    @FunctionalInterface
    public interface Senders<P> {

        /** Why {@code service} may not send this event, or null when it may. */
        @Nullable
        String refusal(String service, P payload);

        /** Only the named service. */
        static <P> Senders<P> only(String sender) {
            return (service, payload) -> service.equals(sender) ? null : "only " + sender + " sends them";
        }
    }
}
