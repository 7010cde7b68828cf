package com.financetracker.platform.events;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes events to Kafka: each type to its topic, keyed by the event's key so the events of one user (or one
 * reporting instance) land in one partition, in order. The producer is idempotent and waits for every in-sync
 * replica, and a send returns only when the broker has acknowledged it.
 */
final class KafkaEventTransport implements EventTransport {

    private final KafkaTemplate<String, String> kafka;
    private final EventsProperties.Kafka settings;
    private final JsonMapper json;

    KafkaEventTransport(KafkaTemplate<String, String> kafka, EventsProperties.Kafka settings, JsonMapper json) {
        this.kafka = kafka;
        this.settings = settings;
        this.json = json;
    }

    @Override
    public String destination(EventEnvelope event) {
        return topics().getOrDefault(event.type(), "unrouted:" + event.type());
    }

    @Override
    public void deliver(EventEnvelope event) throws DeliveryException {
        String topic = topics().get(event.type());
        if (topic == null) {
            throw DeliveryException.transientFailure("no topic for event type " + event.type()
                    + " (set finance.events.kafka.topics[" + event.type() + "])");
        }
        try {
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

    private Map<String, String> topics() {
        return settings.topics();
    }
}
