package com.financetracker.platform.events;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How events travel between services.
 *
 * @param transport {@code http} (default) or {@code kafka}
 * @param pollInterval how often the relay looks for pending events when nothing woke it earlier
 * @param batchSize events delivered per relay round at most
 * @param maxBackoff the longest wait between two attempts to deliver a failing event
 * @param keepDelivered how long delivered events stay in the outbox
 * @param keepProcessed how long the ids of received events are kept to recognize redeliveries
 * @param inboundPath where this service receives events over HTTP
 * @param client this service's client-credentials login at the user service, for sending over HTTP
 * @param http where each event type is sent over HTTP
 * @param kafka the topic of each event type, and how topics are created
 */
@Validated
@ConfigurationProperties("finance.events")
public record EventsProperties(
        @NotNull @DefaultValue("http") Transport transport,
        @NotNull @DefaultValue("1s") Duration pollInterval,
        @Min(1) @DefaultValue("100") int batchSize,
        @NotNull @DefaultValue("5m") Duration maxBackoff,
        @NotNull @DefaultValue("1d") Duration keepDelivered,
        @NotNull @DefaultValue("30d") Duration keepProcessed,
        @NotNull @DefaultValue("/internal/events") String inboundPath,
        @Valid @NotNull @DefaultValue Client client,
        @Valid @NotNull @DefaultValue Http http,
        @Valid @NotNull @DefaultValue Kafka kafka) {

    public enum Transport {
        HTTP,
        KAFKA
    }

    /** Client-credentials login; empty in the user service, which signs its own service tokens. */
    public record Client(
            @DefaultValue("") String id, @DefaultValue("") String secret, URI tokenUri) {

        public boolean configured() {
            return !id.isBlank() && !secret.isBlank();
        }
    }

    public record Http(
            @NotNull @DefaultValue Map<String, URI> routes,
            @NotNull @DefaultValue("10s") Duration timeout) {}

    /**
     * @param topics the topic of each event type; a dead-letter topic {@code <topic>.dlt} goes with each
     * @param partitions partitions of each topic this service creates
     * @param replicas replication factor of each topic this service creates
     * @param sendTimeout how long a send may wait for the broker's acknowledgement
     */
    public record Kafka(
            @NotNull @DefaultValue Map<String, String> topics,
            @Min(1) @DefaultValue("3") int partitions,
            @Min(1) @DefaultValue("1") short replicas,
            @NotNull @DefaultValue("15s") Duration sendTimeout) {

        /** The dead-letter topic of a topic. */
        public static String deadLetterTopic(String topic) {
            return topic + ".dlt";
        }
    }
}
