package com.financetracker.platform.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * An event as it travels between services, whatever the transport.
 *
 * @param id unique per event; receivers use it to recognize a redelivery
 * @param type what happened, such as {@code user.deleted}
 * @param key what it is about; events with the same key arrive in the order they were recorded
 * @param occurredAt when the sender recorded it
 * @param payload the event's data
 */
public record EventEnvelope(
        @NotNull UUID id,
        @NotBlank @Size(max = 100) String type,
        @NotNull @Size(max = 200) String key,
        @NotNull Instant occurredAt,
        @NotNull JsonNode payload) {}
