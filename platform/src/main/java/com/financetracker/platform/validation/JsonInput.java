package com.financetracker.platform.validation;

import java.util.Arrays;
import java.util.Collection;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

/** Words for what is wrong with JSON input, shared by every place that reads it (requests, patches, events). */
public final class JsonInput {

    private JsonInput() {}

    /** The dotted path of the field a binding failure is about ({@code tags[2]}), or {@code body} for the root. */
    public static String path(DatabindException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** What the field should have held, as a message ({@code must be a UUID}). */
    public static String expected(DatabindException ex) {
        return "must be " + describe(ex instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null);
    }

    /** Says what a value of the target type looks like, in words a client understands. */
    public static String describe(@Nullable Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return switch (type.getSimpleName()) {
            case "String", "char", "Character" -> "a string";
            case "int", "Integer", "long", "Long", "short", "Short" -> "a whole number";
            case "BigDecimal", "double", "Double", "float", "Float" -> "a number";
            case "boolean", "Boolean" -> "true or false";
            case "UUID" -> "a UUID";
            case "LocalDate" -> "a date (YYYY-MM-DD)";
            case "Instant", "OffsetDateTime", "ZonedDateTime" -> "a time (RFC 3339, e.g. 2026-11-23T20:17:45Z)";
            case "YearMonth" -> "a month (YYYY-MM)";
            case "Duration" -> "a duration such as 5m, 1h or 1d";
            default -> type.isArray() || Collection.class.isAssignableFrom(type) ? "an array" : "an object";
        };
    }
}
