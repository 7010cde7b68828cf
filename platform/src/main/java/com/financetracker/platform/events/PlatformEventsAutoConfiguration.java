package com.financetracker.platform.events;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
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
