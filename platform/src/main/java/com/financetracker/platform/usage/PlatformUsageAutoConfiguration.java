package com.financetracker.platform.usage;

import com.financetracker.platform.events.Outbox;
import com.financetracker.platform.events.PlatformEventsAutoConfiguration;
import com.financetracker.platform.web.PlatformWebAutoConfiguration;
import com.financetracker.platform.web.RouteResolver;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionOperations;

/** Usage recording in every service, shipped through the outbox unless the service ingests it itself. */
@AutoConfiguration(after = {PlatformWebAutoConfiguration.class, PlatformEventsAutoConfiguration.class})
@EnableConfigurationProperties(UsageProperties.class)
@ConditionalOnProperty(name = "finance.usage.enabled", havingValue = "true", matchIfMissing = true)
public class PlatformUsageAutoConfiguration {

    @Bean
    UsageAggregator usageAggregator(UsageProperties properties) {
        return new UsageAggregator(properties.maxCells());
    }

    /** Right after the request id, before security and body limits, so refused requests are counted too. */
    @Bean
    FilterRegistrationBean<UsageRecorder> usageRecorder(
            UsageAggregator aggregator, RouteResolver routes, UsageProperties properties, Clock clock) {
        FilterRegistrationBean<UsageRecorder> registration =
                new FilterRegistrationBean<>(new UsageRecorder(aggregator, routes, properties.excludedPaths(), clock));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean
    UsageReportSink outboxUsageSink(Outbox outbox, TransactionOperations transactions) {
        return report -> transactions.executeWithoutResult(
                status -> outbox.publish(report.id(), UsageReport.TYPE, report.key(), report));
    }

    @Bean
    UsageShipper usageShipper(
            UsageAggregator aggregator,
            UsageReportSink sink,
            UsageProperties properties,
            @Value("${spring.application.name}") String service,
            Clock clock,
            MeterRegistry meters) {
        return new UsageShipper(aggregator, sink, service, properties.flushInterval(), clock, meters);
    }
}
