package com.financetracker.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.PastOrPresent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;

/** When the platform's web parts apply, and when a service's own beans or a missing library make them back off. */
class PlatformWebAutoConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    JacksonAutoConfiguration.class,
                    ValidationAutoConfiguration.class,
                    PlatformWebAutoConfiguration.class))
            .withPropertyValues(
                    "spring.application.name=test-service",
                    "finance.web.max-body-size=1MB",
                    "finance.web.cors-allowed-origins=http://localhost:8002");

    @Test
    void answersErrorsWithProblemsUnlessTheServiceHasItsOwnErrorPage() {
        runner.run(context -> assertThat(context).hasSingleBean(ProblemErrorController.class));
        runner.withBean("pages", ErrorController.class, () -> new ErrorController() {})
                .run(context -> assertThat(context)
                        .doesNotHaveBean(ProblemErrorController.class)
                        .hasSingleBean(ErrorController.class));
    }

    @Test
    void describesTheApiOnlyWhenSpringdocIsThere() {
        runner.run(
                context -> assertThat(context.getBean(OpenAPI.class).getInfo().getTitle())
                        .isEqualTo("Finance Tracker test-service"));
        runner.withClassLoader(new FilteredClassLoader(OpenAPI.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("openApi"));
    }

    @Test
    void aServicesOwnClockWins() {
        Clock fixed = Clock.fixed(Instant.parse("2026-11-29T00:00:00Z"), ZoneOffset.UTC);
        runner.run(context -> assertThat(context.getBean(Clock.class)).isEqualTo(Clock.systemUTC()));
        runner.withBean(Clock.class, () -> fixed)
                .run(context -> assertThat(context.getBean(Clock.class)).isSameAs(fixed));
    }

    record Appointment(@PastOrPresent LocalDate day) {}

    @Test
    void rulesAboutTodayReadTheServicesClock() {
        Clock newYear2000 = Clock.fixed(Instant.parse("2000-01-01T00:00:00Z"), ZoneOffset.UTC);
        runner.withBean(Clock.class, () -> newYear2000)
                .run(context -> assertThat(
                                context.getBean(Validator.class).validate(new Appointment(LocalDate.of(2000, 1, 2))))
                        .extracting(ConstraintViolation::getMessage)
                        .singleElement()
                        .isNotNull());
        runner.withBean(Clock.class, () -> newYear2000)
                .run(context -> assertThat(
                                context.getBean(Validator.class).validate(new Appointment(LocalDate.of(1999, 12, 31))))
                        .isEmpty());
    }

    @Test
    void refusesToStartWithoutABodyLimit() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        JacksonAutoConfiguration.class,
                        ValidationAutoConfiguration.class,
                        PlatformWebAutoConfiguration.class))
                .withPropertyValues("spring.application.name=test-service")
                .run(context -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining("finance.web"));
    }
}
