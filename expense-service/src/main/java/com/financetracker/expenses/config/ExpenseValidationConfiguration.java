package com.financetracker.expenses.config;

import java.time.Clock;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Rules that depend on today's date (an expense at most a year ahead) read it from the service's clock. */
@Configuration(proxyBeanMethods = false)
class ExpenseValidationConfiguration {

    @Bean
    ValidationConfigurationCustomizer validationClock(Clock clock) {
        return configuration -> configuration.clockProvider(() -> clock);
    }
}
