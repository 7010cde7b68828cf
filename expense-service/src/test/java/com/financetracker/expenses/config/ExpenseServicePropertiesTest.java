package com.financetracker.expenses.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class ExpenseServicePropertiesTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(PropertiesOnly.class);

    @Test
    void idempotencyKeysAreKeptForADayByDefault() {
        context.run(started -> assertThat(
                        started.getBean(ExpenseServiceProperties.class).idempotencyKeyTtl())
                .isEqualTo(Duration.ofHours(24)));
    }

    @Test
    void theirLifetimeCanBeSet() {
        context.withPropertyValues("finance.expenses.idempotency-key-ttl=2h")
                .run(started -> assertThat(
                                started.getBean(ExpenseServiceProperties.class).idempotencyKeyTtl())
                        .isEqualTo(Duration.ofHours(2)));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ExpenseServiceProperties.class)
    static class PropertiesOnly {}
}
