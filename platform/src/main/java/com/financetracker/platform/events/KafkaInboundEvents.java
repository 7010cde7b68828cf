package com.financetracker.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Validator;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes the topics of the event types this service handles and hands each event that came on its type's own topic
 * to the inbox, which applies it once. The consumers of one service form one group, so its replicas share the
 * partitions. A message that can never be applied (not an event, on another type's topic, refused by its handler) goes
 * to the topic's dead-letter topic at once, is counted and logged, and the partition moves on; any other failure (the
 * database is down) is retried with backoff.
 */
final class KafkaInboundEvents implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KafkaInboundEvents.class);

    /** An event that can never be applied, whatever the retries. */
    static final class PoisonEventException extends RuntimeException {
        PoisonEventException(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }

    private final ConsumerFactory<String, String> consumers;
    private final KafkaTemplate<String, String> kafka;
    private final KafkaEventTransport.KafkaTopics topics;
    private final EventInbox inbox;
    private final JsonMapper json;
    private final Validator validator;
    private final Counter deadLettered;
    private @Nullable ConcurrentMessageListenerContainer<String, String> container;

    KafkaInboundEvents(
            ConsumerFactory<String, String> consumers,
            KafkaTemplate<String, String> kafka,
            KafkaEventTransport.KafkaTopics topics,
            EventInbox inbox,
            JsonMapper json,
            Validator validator,
            MeterRegistry meters) {
        this.consumers = consumers;
        this.kafka = kafka;
        this.topics = topics;
        this.inbox = inbox;
        this.json = json;
        this.validator = validator;
        this.deadLettered = Counter.builder("finance.events.dead.lettered")
                .description("Received events moved to a dead-letter topic because they can never be applied")
                .register(meters);
    }

    /** The topics carrying the event types this service handles. */
    List<String> subscribedTopics() {
        return inbox.handledTypes().stream()
                .map(EventType::topic)
                .distinct()
                .sorted()
                .toList();
    }

    @Override
    public void start() {
        List<String> subscribed = subscribedTopics();
        if (subscribed.isEmpty()) {
            return;
        }
        topics.create(subscribed);
        ContainerProperties properties = new ContainerProperties(subscribed.toArray(String[]::new));
        properties.setAckMode(ContainerProperties.AckMode.RECORD);
        properties.setMessageListener((MessageListener<String, String>) this::onMessage);
        ConcurrentMessageListenerContainer<String, String> started =
                new ConcurrentMessageListenerContainer<>(consumers, properties);
        started.setCommonErrorHandler(errorHandler());
        started.start();
        container = started;
        log.info("Consuming events from {}", subscribed);
    }

    @Override
    public void stop() {
        if (container != null) {
            container.stop();
            container = null;
        }
    }

    @Override
    public boolean isRunning() {
        return container != null && container.isRunning();
    }

    void onMessage(ConsumerRecord<String, String> record) {
        EventEnvelope event = read(record);
        EventType<?> type = inbox.handledType(event.type()).orElse(null);
        if (type == null) {
            return;
        }
        // Kafka's ACLs say who may write a topic, so an event is only as trustworthy as the topic it came from: one of
        // a type that travels elsewhere was written by a service that may not send it (user.deleted on the expense
        // topic), and applying it would undo the ACLs
        if (!type.topic().equals(record.topic())) {
            throw new PoisonEventException(
                    "a " + event.type() + " event on " + record.topic() + ", where events of that type never travel",
                    null);
        }
        try {
            inbox.receive(event);
        } catch (EventRejectedException e) {
            throw new PoisonEventException(e.getMessage(), e);
        }
    }

    private EventEnvelope read(ConsumerRecord<String, String> record) {
        EventEnvelope event;
        try {
            event = json.readValue(record.value(), EventEnvelope.class);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new PoisonEventException("not an event", e);
        }
        if (event == null || !validator.validate(event).isEmpty()) {
            throw new PoisonEventException("an incomplete event", null);
        }
        return event;
    }

    private DefaultErrorHandler errorHandler() {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(
                kafka, (record, e) -> new TopicPartition(EventsProperties.Kafka.deadLetterTopic(record.topic()), -1));
        ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2.0);
        backOff.setMaxInterval(30_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(
                (record, e) -> {
                    deadLettered.increment();
                    log.error(
                            "Event at {}-{}@{} can never be applied and goes to the dead-letter topic: {}",
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            rootMessage(e));
                    deadLetters.accept(record, e);
                },
                backOff);
        handler.addNotRetryableExceptions(PoisonEventException.class);
        return handler;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof PoisonEventException)) {
            cause = cause.getCause();
        }
        return String.valueOf(cause.getMessage());
    }
}
