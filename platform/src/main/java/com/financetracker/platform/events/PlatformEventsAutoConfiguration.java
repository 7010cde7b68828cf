package com.financetracker.platform.events;

import com.financetracker.platform.events.KafkaEventTransport.KafkaTopics;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Validator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox, its relay and the inbox, for every service with a database. The transport is HTTP unless
 * {@code finance.events.transport=kafka}; what a service publishes is routed by its own settings
 * ({@code finance.events.http.receivers}, or each event type's topic), what it receives by its {@link EventHandler}s.
 */
@AutoConfiguration(before = FlywayAutoConfiguration.class, after = JdbcClientAutoConfiguration.class)
@EnableConfigurationProperties(EventsProperties.class)
public class PlatformEventsAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PlatformEventsAutoConfiguration.class);

    @Bean
    FlywayMigrationStrategy platformMigrations() {
        return new PlatformMigrations();
    }

    @Bean
    Outbox outbox(JdbcClient jdbc, JsonMapper json, EventTransport transport, OutboxRelay relay) {
        return new Outbox(jdbc, json, transport, relay::wakeUp);
    }

    @Bean
    OutboxRelay outboxRelay(
            JdbcClient jdbc,
            JsonMapper json,
            EventTransport transport,
            TransactionOperations transactions,
            EventsProperties properties,
            MeterRegistry meters) {
        return new OutboxRelay(new OutboxRepository(jdbc, json), transport, transactions, jdbc, properties, meters);
    }

    @Bean
    EventInbox eventInbox(
            List<EventHandler<?>> handlers,
            JdbcClient jdbc,
            TransactionOperations transactions,
            JsonMapper json,
            Validator validator) {
        return new EventInbox(handlers, jdbc, transactions, json, validator);
    }

    @Bean
    InboundEventController inboundEventController(EventInbox inbox) {
        return new InboundEventController(inbox);
    }

    /** Service tokens from the user service's client-credentials grant, for services that send events over HTTP. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(OAuth2AuthorizedClientManager.class)
    static class ClientCredentialsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ServiceTokens serviceTokens(
                EventsProperties properties, @Value("${spring.application.name:}") String applicationName) {
            if (!properties.client().configured()) {
                return ServiceTokens.missing("FINANCE_SERVICE_CLIENT_ID and FINANCE_SERVICE_CLIENT_SECRET are not set");
            }
            if (!properties.client().id().equals(applicationName)) {
                log.warn(
                        "FINANCE_SERVICE_CLIENT_ID is {}, not this service's name {}: receivers allow a service only"
                                + " its own events, so they will refuse what it sends (403) until the id is {}",
                        properties.client().id(),
                        applicationName,
                        applicationName);
            }
            return new ClientCredentialsServiceTokens(properties.client());
        }
    }

    /** A service without Spring Security's OAuth2 client sends no events over HTTP (or signs its own tokens). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingClass("org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager")
    static class NoClientCredentialsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ServiceTokens serviceTokens() {
            return ServiceTokens.missing(
                    "this service has no client-credentials support (spring-security-oauth2-client)");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(KafkaTemplate.class)
    @ConditionalOnProperty(name = "finance.events.transport", havingValue = "kafka")
    static class KafkaTransportConfiguration {

        @Bean
        KafkaTopics kafkaTopics(KafkaAdmin admin, EventsProperties properties) {
            return new KafkaTopics(admin, properties.kafka());
        }

        @Bean
        @ConditionalOnMissingBean
        EventTransport kafkaEventTransport(
                KafkaTemplate<String, String> kafka,
                KafkaTopics topics,
                EventsProperties properties,
                JsonMapper json,
                List<EventHandler<?>> handlers) {
            return new KafkaEventTransport(
                    kafka,
                    topics,
                    properties.kafka(),
                    json,
                    handlers.stream().<EventType<?>>map(EventHandler::type).toList());
        }

        @Bean
        KafkaInboundEvents kafkaInboundEvents(
                ConsumerFactory<String, String> consumers,
                KafkaTemplate<String, String> kafka,
                KafkaTopics topics,
                EventInbox inbox,
                JsonMapper json,
                Validator validator,
                MeterRegistry meters) {
            return new KafkaInboundEvents(consumers, kafka, topics, inbox, json, validator, meters);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "finance.events.transport", havingValue = "http", matchIfMissing = true)
    static class HttpTransportConfiguration {

        @Bean
        @ConditionalOnMissingBean
        EventTransport httpEventTransport(EventsProperties properties, ServiceTokens tokens, JsonMapper json) {
            return new HttpEventTransport(
                    properties.http().receivers(), properties.http().timeout(), tokens, json);
        }
    }
}
