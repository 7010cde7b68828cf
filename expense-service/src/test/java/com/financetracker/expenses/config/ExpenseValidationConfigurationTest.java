package com.financetracker.expenses.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.expenses.expense.ExpenseRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

class ExpenseValidationConfigurationTest {

    @Test
    void rulesAboutTodayReadTheServicesClock() {
        Clock newYear2000 = Clock.fixed(Instant.parse("2000-01-01T00:00:00Z"), ZoneOffset.UTC);
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
                .withUserConfiguration(ExpenseValidationConfiguration.class)
                .withBean(Clock.class, () -> newYear2000)
                .run(context -> assertThat(context.getBean(Validator.class)
                                .validate(new ExpenseRequest(
                                        BigDecimal.ONE, "EUR", "Food", null, LocalDate.of(2001, 1, 2), null)))
                        .extracting(ConstraintViolation::getMessage)
                        .containsExactly("must not be more than a year ahead"));
    }
}
