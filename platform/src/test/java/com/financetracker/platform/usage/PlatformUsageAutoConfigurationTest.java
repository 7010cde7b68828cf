package com.financetracker.platform.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.financetracker.platform.events.Outbox;
import com.financetracker.platform.web.PlatformWebAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.transaction.support.TransactionOperations;

/** Usage recording is on unless switched off, and a service may take its own reports instead of the outbox. */
class PlatformUsageAutoConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    JacksonAutoConfiguration.class,
                    ValidationAutoConfiguration.class,
                    PlatformWebAutoConfiguration.class,
                    PlatformUsageAutoConfiguration.class))
            .withPropertyValues(
                    "spring.application.name=test-service",
                    "finance.web.max-body-size=1MB",
                    "finance.web.cors-allowed-origins=http://localhost:8002",
                    "finance.usage.flush-interval=1h")
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withBean(TransactionOperations.class, () -> TransactionOperations.withoutTransaction());

    @Test
    void recordsEveryRequestIntoTheOutboxByDefault() {
        runner.withBean(Outbox.class, () -> mock(Outbox.class))
                .run(context -> assertThat(context)
                        .hasBean("usageRecorder")
                        .hasSingleBean(UsageShipper.class)
                        .hasBean("outboxUsageSink"));
    }

    @Test
    void aServiceMayIngestItsOwnReports() {
        List<UsageReport> taken = new ArrayList<>();
        runner.withBean(UsageReportSink.class, () -> taken::add).run(context -> {
            assertThat(context).hasSingleBean(UsageReportSink.class).doesNotHaveBean("outboxUsageSink");
            context.getBean(UsageAggregator.class).record("GET", "/x", 200, 0, 1.5);
            context.getBean(UsageShipper.class).ship();
            assertThat(taken)
                    .singleElement()
                    .satisfies(report -> assertThat(report.service()).isEqualTo("test-service"));
        });
    }

    @Test
    void recordsNothingWhenSwitchedOff() {
        runner.withPropertyValues("finance.usage.enabled=false")
                .run(context -> assertThat(context)
                        .doesNotHaveBean("usageRecorder")
                        .doesNotHaveBean(UsageShipper.class)
                        .doesNotHaveBean(UsageAggregator.class));
    }
}
