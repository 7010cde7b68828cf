package com.financetracker.platform.events;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An event this service can never apply: a type it does not handle, or a payload that is not what its type promises.
 * Delivered again it would fail again, so it is refused for good: the HTTP inbox answers it with a 4xx, the Kafka
 * consumer moves it to the dead-letter topic.
 */
public final class EventRejectedException extends RuntimeException {

    /** A field of the event that is missing or invalid, such as {@code payload.userId}. */
    public record InvalidField(String field, String message) {}

    private final List<InvalidField> invalidFields;

    private EventRejectedException(String message, List<InvalidField> invalidFields) {
        super(message);
        this.invalidFields = List.copyOf(invalidFields);
    }

    /** No handler for the type in this service. */
    public static EventRejectedException unhandled(String type) {
        return new EventRejectedException("This service does not handle events of type " + type, List.of());
    }

    /** The payload does not have the shape or the values its type promises. */
    public static EventRejectedException invalid(List<InvalidField> fields) {
        return new EventRejectedException(
                fields.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; ")), fields);
    }

    public static EventRejectedException invalid(String field, String message) {
        return invalid(List.of(new InvalidField(field, message)));
    }

    /** The fields at fault; empty when the event as a whole is refused. */
    public List<InvalidField> invalidFields() {
        return invalidFields;
    }
}
