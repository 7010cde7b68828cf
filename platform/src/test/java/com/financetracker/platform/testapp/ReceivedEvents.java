package com.financetracker.platform.testapp;

import com.financetracker.platform.events.EventEnvelope;
import com.financetracker.platform.events.EventHandler;
import com.financetracker.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Applies {@code test.happened} events by storing them, refusing a payload without a value. */
@Component
class ReceivedEvents implements EventHandler {

    static final String TYPE = "test.happened";

    private final JdbcClient jdbc;

    ReceivedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void handle(EventEnvelope event) {
        if (!event.payload().hasNonNull("value")) {
            throw ProblemException.invalidField("payload.value", "is required");
        }
        jdbc.sql("insert into received (event_id, event_key, value) values (:id, :key, :value)")
                .param("id", event.id())
                .param("key", event.key())
                .param("value", event.payload().path("value").asString())
                .update();
    }
}
