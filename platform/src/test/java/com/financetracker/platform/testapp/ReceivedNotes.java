package com.financetracker.platform.testapp;

import com.financetracker.platform.events.EventEnvelope;
import com.financetracker.platform.events.EventHandler;
import com.financetracker.platform.events.EventType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Applies {@code test.noted} events by storing them beside the {@code test.happened} ones. */
@Component
class ReceivedNotes implements EventHandler<TestNoted> {

    private final JdbcClient jdbc;

    ReceivedNotes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public EventType<TestNoted> type() {
        return TestNoted.TYPE;
    }

    @Override
    public void handle(TestNoted payload, EventEnvelope event) {
        jdbc.sql("insert into received (event_id, event_key, value) values (:id, :key, :value)")
                .param("id", event.id())
                .param("key", event.key())
                .param("value", "noted: " + payload.value())
                .update();
    }
}
