package com.financetracker.platform.events;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Validator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.json.JsonMapper;

/** The outbox, its relay and the inbox, for every service with a database. */
@AutoConfiguration(before = FlywayAutoConfiguration.class, after = JdbcClientAutoConfiguration.class)
@EnableConfigurationProperties(EventsProperties.class)
public class PlatformEventsAutoConfiguration {

    @Bean
    FlywayMigrationStrategy platformMigrations() {
        return new PlatformMigrations();
    }

    @Bean
    OutboxSignal outboxSignal() {
        return new OutboxSignal();
    }

    @Bean
    Outbox outbox(JdbcClient jdbc, JsonMapper json, OutboxSignal signal) {
        return new Outbox(jdbc, json, signal::signal);
    }

    @Bean
    OutboxRelay outboxRelay(
            JdbcClient jdbc,
            JsonMapper json,
            EventTransport transport,
            TransactionOperations transactions,
            EventsProperties properties,
            OutboxSignal signal,
            MeterRegistry meters) {
        return new OutboxRelay(
                new OutboxRepository(jdbc, json), transport, transactions, jdbc, properties, signal, meters);
    }

    @Bean
    EventInbox eventInbox(List<EventHandler> handlers, JdbcClient jdbc, TransactionOperations transactions) {
        return new EventInbox(handlers, jdbc, transactions);
    }

    @Bean
    InboundEventController inboundEventController(EventInbox inbox) {
        return new InboundEventController(inbox);
    }

    @Bean
    @ConditionalOnMissingBean
    ServiceTokens serviceTokens(EventsProperties properties) {
        return properties.client().configured()
                ? new ClientCredentialsServiceTokens(properties.client())
                : ClientCredentialsServiceTokens.missing();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "finance.events.transport", havingValue = "kafka")
    static class KafkaTransportConfiguration {

        @Bean
        @ConditionalOnMissingBean
        EventTransport kafkaEventTransport(
                KafkaTemplate<String, String> kafka, EventsProperties properties, JsonMapper json) {
            return new KafkaEventTransport(kafka, properties.kafka(), json);
        }

        @Bean
        KafkaInboundEvents kafkaInboundEvents(
                ConsumerFactory<String, String> consumers,
                KafkaTemplate<String, String> kafka,
                EventInbox inbox,
                EventsProperties properties,
                JsonMapper json,
                Validator validator,
                MeterRegistry meters) {
            return new KafkaInboundEvents(consumers, kafka, inbox, properties.kafka(), json, validator, meters);
        }

        /** Every event topic and its dead-letter topic; creating an existing topic changes nothing. */
        @Bean
        KafkaAdmin.NewTopics eventTopics(EventsProperties properties) {
            EventsProperties.Kafka kafka = properties.kafka();
            return new KafkaAdmin.NewTopics(kafka.topics().values().stream()
                    .distinct()
                    .flatMap(topic -> Stream.of(topic, EventsProperties.Kafka.deadLetterTopic(topic)))
                    .map(topic -> TopicBuilder.name(topic)
                            .partitions(kafka.partitions())
                            .replicas(kafka.replicas())
                            .build())
                    .toArray(NewTopic[]::new));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "finance.events.transport", havingValue = "http", matchIfMissing = true)
    static class HttpTransportConfiguration {

        @Bean
        @ConditionalOnMissingBean
        EventTransport httpEventTransport(EventsProperties properties, ServiceTokens tokens, JsonMapper json) {
            return new HttpEventTransport(
                    properties.http().routes(), properties.http().timeout(), tokens, json);
        }
    }
}
