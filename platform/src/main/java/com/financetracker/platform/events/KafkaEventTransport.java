package com.financetracker.platform.events;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes events to Kafka: each type to its topic, keyed by the event's key so the events of one user (or one
 * reporting instance) land in one partition, in order. The producer is idempotent and waits for every in-sync
 * replica, and a send returns only when the broker has acknowledged it. A topic (and its dead-letter topic) is
 * created before the first event goes to it, so publishing does not depend on the consumers having started.
 */
final class KafkaEventTransport implements EventTransport {

    private final KafkaTemplate<String, String> kafka;
    private final KafkaTopics topics;
    private final EventsProperties.Kafka settings;
    private final JsonMapper json;
    /** Topics by event type name, as far as this service has met the types. */
    private final Map<String, String> topicOfType = new ConcurrentHashMap<>();

    private final Set<String> created = ConcurrentHashMap.newKeySet();

    KafkaEventTransport(
            KafkaTemplate<String, String> kafka,
            KafkaTopics topics,
            EventsProperties.Kafka settings,
            JsonMapper json,
            Collection<EventType<?>> handledTypes) {
        this.kafka = kafka;
        this.topics = topics;
        this.settings = settings;
        this.json = json;
        handledTypes.forEach(type -> topicOfType.put(type.name(), type.topic()));
    }

    @Override
    public List<String> destinations(EventType<?> type) {
        topicOfType.putIfAbsent(type.name(), type.topic());
        return List.of(type.topic());
    }

    @Override
    public List<String> destinations(String type) {
        String topic = topicOfType.get(type);
        return topic == null ? List.of() : List.of(topic);
    }

    @Override
    public String howToRoute(String type) {
        return "its topic becomes known once this service publishes or handles an event of type " + type;
    }

    @Override
    public void deliver(EventEnvelope event, String topic) throws DeliveryException {
        try {
            if (!created.contains(topic)) {
                topics.create(List.of(topic));
                created.add(topic);
            }
            kafka.send(topic, event.key(), json.writeValueAsString(event))
                    .get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryException.transientFailure("interrupted while sending to " + topic, e);
        } catch (ExecutionException e) {
            throw DeliveryException.transientFailure(topic + " did not take the event: " + e.getCause(), e);
        } catch (TimeoutException e) {
            throw DeliveryException.transientFailure(
                    topic + " did not acknowledge within " + settings.sendTimeout(), e);
        } catch (RuntimeException e) {
            throw DeliveryException.transientFailure("could not send to " + topic + ": " + e.getMessage(), e);
        }
    }

    /** Creates topics with their dead-letter topics; creating one that exists changes nothing. */
    record KafkaTopics(KafkaAdmin admin, EventsProperties.Kafka settings) {

        void create(Collection<String> names) {
            admin.createOrModifyTopics(names.stream()
                    .distinct()
                    .flatMap(topic -> Stream.of(topic, EventsProperties.Kafka.deadLetterTopic(topic)))
                    .map(topic -> TopicBuilder.name(topic)
                            .partitions(settings.partitions())
                            .replicas(settings.replicas())
                            .build())
                    .toArray(NewTopic[]::new));
        }
    }
}
