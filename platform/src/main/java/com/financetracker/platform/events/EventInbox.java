package com.financetracker.platform.events;

import com.financetracker.platform.web.ProblemException;
import com.financetracker.platform.web.ProblemType;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/** Receives events from other services, whatever the transport, and applies each one exactly once. */
public class EventInbox {

    /** What became of a received event. */
    public enum Outcome {
        APPLIED,
        DUPLICATE
    }

    private final Map<String, EventHandler> handlers;
    private final JdbcClient jdbc;
    private final TransactionOperations transactions;

    EventInbox(List<EventHandler> handlers, JdbcClient jdbc, TransactionOperations transactions) {
        this.handlers =
                handlers.stream().collect(Collectors.toUnmodifiableMap(EventHandler::type, Function.identity()));
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public boolean handles(String type) {
        return handlers.containsKey(type);
    }

    public Outcome receive(EventEnvelope event) {
        EventHandler handler = handlers.get(event.type());
        if (handler == null) {
            throw ProblemException.of(
                    ProblemType.UNPROCESSABLE, "This service does not handle events of type " + event.type());
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
            handler.handle(event);
            return Outcome.APPLIED;
        });
    }
}
