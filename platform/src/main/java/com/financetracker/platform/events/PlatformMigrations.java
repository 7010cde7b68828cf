package com.financetracker.platform.events;

import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * Migrates the platform's own tables (outbox, processed events) before the service's. They live in the
 * {@code platform} schema with their own migration history, so platform and service migrations are numbered
 * independently and every service gets the same tables from one definition.
 */
final class PlatformMigrations implements FlywayMigrationStrategy {

    static final String SCHEMA = "platform";

    @Override
    public void migrate(Flyway service) {
        Flyway.configure(service.getConfiguration().getClassLoader())
                .configuration(service.getConfiguration())
                .schemas(SCHEMA)
                .defaultSchema(SCHEMA)
                .locations("classpath:db/platform")
                .load()
                .migrate();
        service.migrate();
    }
}
