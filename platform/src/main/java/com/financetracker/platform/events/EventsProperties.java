package com.financetracker.platform.events;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How events travel between services. Which transport carries them is {@code finance.events.transport}: {@code http}
 * (the default) or {@code kafka}; it chooses the beans, so it is not part of this record.
 *
 * @param pollInterval how often the relay looks for pending events when nothing woke it earlier
 * @param batchSize events delivered per relay round at most
 * @param maxBackoff the longest wait between two attempts to deliver a failing event
 * @param keepDelivered how long delivered events stay in the outbox
 * @param keepProcessed how long the ids of received events are kept to recognize redeliveries
 * @param inboundPath where this service receives events over HTTP
 * @param client this service's client-credentials login at the user service, for sending over HTTP
 * @param http where each event type this service publishes is sent over HTTP
 * @param kafka how topics are created and sends acknowledged
 */
@Validated
@ConfigurationProperties("finance.events")
public record EventsProperties(
        @NotNull @DefaultValue("1s") Duration pollInterval,
        @Min(1) @DefaultValue("100") int batchSize,
        @NotNull @DefaultValue("5m") Duration maxBackoff,
        @NotNull @DefaultValue("1d") Duration keepDelivered,
        @NotNull @DefaultValue("30d") Duration keepProcessed,
        @NotNull @DefaultValue("/internal/events") String inboundPath,
        @Valid @NotNull @DefaultValue Client client,
        @Valid @NotNull @DefaultValue Http http,
        @Valid @NotNull @DefaultValue Kafka kafka) {

    /**
     * Client-credentials login (set from {@code FINANCE_SERVICE_CLIENT_ID}, {@code FINANCE_SERVICE_CLIENT_SECRET} and
     * {@code FINANCE_TOKEN_URI}, empty by default); unused in the user service, which signs its own service tokens.
     */
    public record Client(@NotNull String id, @NotNull String secret, URI tokenUri) {

        public boolean configured() {
            return !id.isBlank() && !secret.isBlank();
        }
    }

    /**
     * @param receivers the URLs every event of a type is delivered to, by type name; each receiver gets the events on
     *     its own, in order, with its own retries
     * @param timeout how long a receiver may take to answer
     */
    public record Http(
            @NotNull @DefaultValue Map<String, List<URI>> receivers,
            @NotNull @DefaultValue("10s") Duration timeout) {}

    /**
     * @param partitions partitions of each topic this service creates
     * @param replicas replication factor of each topic this service creates
     * @param sendTimeout how long a send may wait for the broker's acknowledgement
     */
    public record Kafka(
            @Min(1) int partitions,
            @Min(1) short replicas,
            @NotNull @DefaultValue("15s") Duration sendTimeout) {

        /** The dead-letter topic of a topic: where events that can never be applied are set aside. */
        public static String deadLetterTopic(String topic) {
            return topic + ".dlt";
        }
    }
}
