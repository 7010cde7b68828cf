package com.financetracker.platform.events;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The outbox and the platform's tables, for every service with a database. */
@AutoConfiguration(before = FlywayAutoConfiguration.class, after = JdbcClientAutoConfiguration.class)
public class PlatformEventsAutoConfiguration {

    @Bean
    FlywayMigrationStrategy platformMigrations() {
        return new PlatformMigrations();
    }

    @Bean
    Outbox outbox(JdbcClient jdbc, JsonMapper json) {
        return new Outbox(jdbc, json);
    }
}
