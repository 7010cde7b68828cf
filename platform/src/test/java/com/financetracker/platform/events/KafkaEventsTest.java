package com.financetracker.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.financetracker.platform.test.WithPostgres;
import com.financetracker.platform.test.WithTestTokens;
import com.financetracker.platform.testapp.TestApplication;
import com.financetracker.platform.testapp.TestHappened;
import com.financetracker.platform.testapp.TestNoted;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.json.JsonMapper;

/** Over Kafka, events go out through the outbox, arrive once, and poison messages are set aside, not retried forever. */
@SpringBootTest(
        classes = TestApplication.class,
        properties = {
            "finance.events.transport=kafka",
            "finance.events.poll-interval=100ms",
            "finance.usage.enabled=false"
        })
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers", partitions = 3)
@WithPostgres
@WithTestTokens
class KafkaEventsTest {

    static final String TOPIC = TestHappened.TYPE.topic();
    static final String NOTES = TestNoted.TYPE.topic();

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionOperations transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    MeterRegistry meters;

    @Test
    void anOutboxEventTravelsThroughKafkaToTheInbox() {
        String key = "kafka-" + UUID.randomUUID();

        transactions.executeWithoutResult(
                status -> outbox.publish(TestHappened.TYPE, key, new TestHappened("via kafka")));

        await().atMost(Duration.ofSeconds(30)).until(() -> received(key).equals(java.util.List.of("via kafka")));
        // the relay marks the event delivered once the broker has acknowledged it, which may be after it arrived
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql(
                                        "select count(*) from platform.outbox where event_key = :key and delivered_at is not null")
                                .param("key", key)
                                .query(Integer.class)
                                .single()
                        == 1);
    }

    @Test
    void anEventDeliveredTwiceIsAppliedOnce() throws Exception {
        String key = "twice-" + UUID.randomUUID();
        String event = json.writeValueAsString(new EventEnvelope(
                UUID.randomUUID(), "test.happened", key, Instant.now(), json.valueToTree(Map.of("value", "once"))));

        kafka.send(TOPIC, key, event).get();
        kafka.send(TOPIC, key, event).get();
        String marker = "marker-" + UUID.randomUUID();
        kafka.send(TOPIC, key, envelope(marker, "after")).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> !received(marker).isEmpty());
        assertThat(received(key)).containsExactly("once");
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheOthersStillArrive() throws Exception {
        String key = "poison-" + UUID.randomUUID();
        double before = deadLettered();

        kafka.send(TOPIC, key, "this is not an event").get();
        kafka.send(TOPIC, key, envelope(key, null)).get();
        kafka.send(TOPIC, key, envelope(key, "still delivered")).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> received(key).contains("still delivered"));
        await().atMost(Duration.ofSeconds(10)).until(() -> deadLettered() - before >= 2);
        Map<String, Object> reader = KafkaTestUtils.consumerProps(broker, "dlt-reader-" + UUID.randomUUID(), false);
        reader.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        reader.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (Consumer<String, String> dlt = new DefaultKafkaConsumerFactory<String, String>(reader).createConsumer()) {
            dlt.subscribe(java.util.List.of(EventsProperties.Kafka.deadLetterTopic(TOPIC)));
            ConsumerRecords<String, String> records = KafkaTestUtils.getRecords(dlt, Duration.ofSeconds(10), 2);
            assertThat(records.records(EventsProperties.Kafka.deadLetterTopic(TOPIC)))
                    .extracting(record -> record.value())
                    .contains("this is not an event");
        }
    }

    /**
     * Kafka's ACLs let a service write only the topics of the events it sends; an event of another type written to such
     * a topic must not be applied, or the ACLs would not stop anything.
     */
    @Test
    void anEventOnTheTopicOfAnotherTypeIsDeadLetteredNotApplied() throws Exception {
        String key = "smuggled-" + UUID.randomUUID();
        double before = deadLettered();

        kafka.send(NOTES, key, envelope(key, "smuggled")).get();
        String note = json.writeValueAsString(new EventEnvelope(
                UUID.randomUUID(), "test.noted", key, Instant.now(), json.valueToTree(Map.of("value", "after"))));
        kafka.send(NOTES, key, note).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> !received(key).isEmpty());
        assertThat(received(key)).containsExactly("noted: after");
        await().atMost(Duration.ofSeconds(10)).until(() -> deadLettered() - before >= 1);
    }

    private String envelope(String key, String value) {
        Map<String, Object> payload = new java.util.HashMap<>();
        payload.put("value", value);
        return json.writeValueAsString(
                new EventEnvelope(UUID.randomUUID(), "test.happened", key, Instant.now(), json.valueToTree(payload)));
    }

    private java.util.List<String> received(String key) {
        return jdbc.sql("select value from received where event_key = :key")
                .param("key", key)
                .query(String.class)
                .list();
    }

    private double deadLettered() {
        return meters.counter("finance.events.dead.lettered").count();
    }
}
