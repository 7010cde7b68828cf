package com.financetracker.platform.testapp;

import com.financetracker.platform.events.EventEnvelope;
import com.financetracker.platform.events.EventHandler;
import com.financetracker.platform.events.EventType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Applies {@code test.happened} events by storing them; a payload without a value is refused by its validation. */
@Component
class ReceivedEvents implements EventHandler<TestHappened> {

    private final JdbcClient jdbc;

    ReceivedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public EventType<TestHappened> type() {
        return TestHappened.TYPE;
    }

    @Override
    public void handle(TestHappened payload, EventEnvelope event) {
        jdbc.sql("insert into received (event_id, event_key, value) values (:id, :key, :value)")
                .param("id", event.id())
                .param("key", event.key())
                .param("value", payload.value())
                .update();
    }
}
