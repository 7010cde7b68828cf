package com.financetracker.platform.events;

import com.financetracker.platform.validation.JsonInput;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives events from other services, whatever the transport, and applies each one exactly once: its payload is
 * bound to the type's record and validated first, then handled in one transaction with the record that it was.
 */
public class EventInbox {

    /** What became of a received event. */
    public enum Outcome {
        APPLIED,
        DUPLICATE
    }

    private final Map<String, EventHandler<?>> handlers;
    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final JsonMapper json;
    private final Validator validator;

    EventInbox(
            List<EventHandler<?>> handlers,
            JdbcClient jdbc,
            TransactionOperations transactions,
            JsonMapper json,
            Validator validator) {
        this.handlers = handlers.stream()
                .collect(Collectors.toUnmodifiableMap(handler -> handler.type().name(), Function.identity()));
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.validator = validator;
    }

    /** The event types this service subscribes to. */
    public Set<EventType<?>> handledTypes() {
        return handlers.values().stream().map(EventHandler::type).collect(Collectors.toUnmodifiableSet());
    }

    public boolean handles(String type) {
        return handlers.containsKey(type);
    }

    /** The handled type of this name, if this service handles it. */
    public Optional<EventType<?>> handledType(String name) {
        return Optional.ofNullable(handlers.get(name)).map(EventHandler::type);
    }

    /**
     * Applies the event, or recognizes it as one already applied. For events whose sender is known otherwise: the
     * service's own, or those read from a topic that only their senders may write.
     *
     * @throws EventRejectedException when the event can never be applied: no handler, or an invalid payload
     */
    public Outcome receive(EventEnvelope event) {
        return apply(handler(event), event, null);
    }

    /**
     * Applies an event that the named service sent, after checking that it may send it ({@link EventType#senders()}).
     *
     * @param sender the sending service's name, from its verified service token
     * @throws EventRejectedException when the event can never be applied: no handler, or an invalid payload
     * @throws SenderNotAllowedException when the sender may not send this event; nothing was applied or recorded
     */
    public Outcome receive(EventEnvelope event, String sender) {
        return apply(handler(event), event, sender);
    }

    private EventHandler<?> handler(EventEnvelope event) {
        EventHandler<?> handler = handlers.get(event.type());
        if (handler == null) {
            throw EventRejectedException.unhandled(event.type());
        }
        return handler;
    }

    private <P> Outcome apply(EventHandler<P> handler, EventEnvelope event, @Nullable String sender) {
        P payload = payload(handler.type(), event);
        if (sender != null) {
            String refusal = handler.type().senders().refusal(sender, payload);
            if (refusal != null) {
                throw new SenderNotAllowedException(sender, event, refusal);
            }
        }
        return transactions.execute(status -> {
            int inserted = jdbc.sql("""
                            insert into platform.processed_events (event_id, event_type)
                            values (:id, :type) on conflict (event_id) do nothing
                            """)
                    .param("id", event.id())
                    .param("type", event.type())
                    .update();
            if (inserted == 0) {
                return Outcome.DUPLICATE;
            }
            handler.handle(payload, event);
            return Outcome.APPLIED;
        });
    }

    private <P> P payload(EventType<P> type, EventEnvelope event) {
        P payload;
        try {
            payload = json.treeToValue(event.payload(), type.payloadType());
        } catch (DatabindException e) {
            String path = JsonInput.path(e);
            throw EventRejectedException.invalid(
                    path.equals("body") ? "payload" : "payload." + path, JsonInput.expected(e));
        } catch (JacksonException | IllegalArgumentException e) {
            throw EventRejectedException.invalid("payload", "is not a " + type.name() + " payload");
        }
        if (payload == null) {
            throw EventRejectedException.invalid("payload", "is required");
        }
        Set<ConstraintViolation<P>> violations = validator.validate(payload);
        if (!violations.isEmpty()) {
            throw EventRejectedException.invalid(violations.stream()
                    .map(v -> new EventRejectedException.InvalidField("payload." + v.getPropertyPath(), v.getMessage()))
                    .sorted(Comparator.comparing(EventRejectedException.InvalidField::field))
                    .toList());
        }
        return payload;
    }
}
