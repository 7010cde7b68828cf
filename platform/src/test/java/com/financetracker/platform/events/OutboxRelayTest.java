package com.financetracker.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.financetracker.platform.test.WithPostgres;
import com.financetracker.platform.test.WithTestTokens;
import com.financetracker.platform.testapp.TestApplication;
import com.financetracker.platform.testapp.TestHappened;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/** The relay delivers every committed event, in order per key, retries failures and sets refused events aside. */
@SpringBootTest(
        classes = TestApplication.class,
        properties = {"finance.events.poll-interval=100ms", "finance.events.max-backoff=1s"})
@Import(OutboxRelayTest.Transport.class)
@WithPostgres
@WithTestTokens
class OutboxRelayTest {

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionOperations transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RecordingTransport transport;

    @BeforeEach
    void reset() {
        transport.delivered.clear();
        transport.failing.clear();
        transport.refused.clear();
    }

    @Test
    void deliversCommittedEventsAndMarksThemDelivered() {
        String key = "k-" + System.nanoTime();

        transactions.executeWithoutResult(status -> outbox.publish(TestHappened.TYPE, key, new TestHappened("one")));

        await().atMost(Duration.ofSeconds(10)).until(() -> transport.keys().contains(key));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> countWhere("event_key = '" + key + "' and delivered_at is not null") == 1);
    }

    @Test
    void eventsPublishedTogetherAreDeliveredInTheirOrder() {
        String key = "bulk-" + System.nanoTime();
        List<TestHappened> payloads = List.of(new TestHappened("1"), new TestHappened("2"), new TestHappened("3"));

        transactions.executeWithoutResult(status -> outbox.publishAll(TestHappened.TYPE, payload -> key, payloads));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> transport.valuesFor(key).size() == 3);
        assertThat(transport.valuesFor(key)).containsExactly("1", "2", "3");
        assertThat(transport.delivered.stream()
                        .filter(event -> event.key().equals(key))
                        .map(EventEnvelope::id)
                        .distinct())
                .as("each event has an id of its own")
                .hasSize(3);
    }

    @Test
    void rolledBackEventsAreNeverDelivered() {
        String key = "rollback-" + System.nanoTime();

        transactions.executeWithoutResult(status -> {
            outbox.publish(TestHappened.TYPE, key, new TestHappened("never"));
            status.setRollbackOnly();
        });

        assertThat(countWhere("event_key = '" + key + "'")).isZero();
    }

    @Test
    void failingEventIsRetriedAndHoldsBackLaterEventsOfItsKey() {
        String key = "ordered-" + System.nanoTime();
        transport.failing.add(key + ":1");

        transactions.executeWithoutResult(status -> {
            outbox.publish(TestHappened.TYPE, key, new TestHappened("1"));
            outbox.publish(TestHappened.TYPE, key, new TestHappened("2"));
        });
        await().atMost(Duration.ofSeconds(10))
                .until(() -> countWhere("event_key = '" + key + "' and attempts >= 2 and delivered_at is null") >= 1);

        assertThat(transport.valuesFor(key)).isEmpty();
        transport.failing.clear();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> transport.valuesFor(key).size() == 2);
        assertThat(transport.valuesFor(key)).containsExactly("1", "2");
    }

    @Test
    void refusedEventIsSetAsideWithoutBlockingOthers() {
        String key = "refused-" + System.nanoTime();
        transport.refused.add(key + ":bad");

        transactions.executeWithoutResult(status -> {
            outbox.publish(TestHappened.TYPE, key, new TestHappened("bad"));
            outbox.publish(TestHappened.TYPE, key, new TestHappened("good"));
        });

        await().atMost(Duration.ofSeconds(10))
                .until(() -> transport.valuesFor(key).contains("good"));
        assertThat(countWhere("event_key = '" + key + "' and dead_at is not null"))
                .isEqualTo(1);
        assertThat(jdbc.sql("select last_error from platform.outbox where event_key = :key and dead_at is not null")
                        .param("key", key)
                        .query(String.class)
                        .single())
                .contains("refused");
    }

    private int countWhere(String condition) {
        return jdbc.sql("select count(*) from platform.outbox where " + condition)
                .query(Integer.class)
                .single();
    }

    /** A transport that records deliveries and fails or refuses the events it is told to. */
    static class RecordingTransport implements EventTransport {

        final List<EventEnvelope> delivered = new CopyOnWriteArrayList<>();
        final Set<String> failing = ConcurrentHashMap.newKeySet();
        final Set<String> refused = ConcurrentHashMap.newKeySet();

        @Override
        public void deliver(EventEnvelope event, String destination) throws DeliveryException {
            String id = event.key() + ":" + event.payload().path("value").asString();
            if (failing.contains(id)) {
                throw DeliveryException.transientFailure("receiver down");
            }
            if (refused.contains(id)) {
                throw DeliveryException.permanentFailure("receiver refused the event");
            }
            delivered.add(event);
        }

        @Override
        public List<String> destinations(EventType<?> type) {
            return List.of("test");
        }

        @Override
        public List<String> destinations(String type) {
            return List.of("test");
        }

        @Override
        public String howToRoute(String type) {
            return "every event goes to the test";
        }

        List<String> keys() {
            return delivered.stream().map(EventEnvelope::key).toList();
        }

        List<String> valuesFor(String key) {
            return delivered.stream()
                    .filter(e -> e.key().equals(key))
                    .map(e -> e.payload().path("value").asString())
                    .toList();
        }
    }

    @TestConfiguration
    static class Transport {
        @Bean
        RecordingTransport recordingTransport() {
            return new RecordingTransport();
        }
    }
}
