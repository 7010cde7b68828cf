package com.financetracker.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.platform.test.EmbeddedPostgresServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;

/** Which transport carries events, and how a service that sends over HTTP gets its tokens. */
class PlatformEventsAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    JacksonAutoConfiguration.class,
                    ValidationAutoConfiguration.class,
                    DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class,
                    TransactionAutoConfiguration.class,
                    JdbcTemplateAutoConfiguration.class,
                    JdbcClientAutoConfiguration.class,
                    FlywayAutoConfiguration.class,
                    KafkaAutoConfiguration.class,
                    PlatformEventsAutoConfiguration.class))
            .withPropertyValues(
                    "spring.datasource.url=" + EmbeddedPostgresServer.createDatabase(),
                    "spring.datasource.username=postgres",
                    "spring.flyway.enabled=true",
                    "finance.events.poll-interval=1h",
                    "finance.events.client.id=",
                    "finance.events.client.secret=",
                    "finance.events.client.token-uri=http://localhost:8000/token",
                    "finance.events.kafka.partitions=1",
                    "finance.events.kafka.replicas=1",
                    "spring.kafka.bootstrap-servers=localhost:9")
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    @Test
    void eventsTravelOverHttpByDefault() {
        runner.run(context -> assertThat(context)
                .hasSingleBean(HttpEventTransport.class)
                .doesNotHaveBean(KafkaEventTransport.class)
                .doesNotHaveBean(KafkaInboundEvents.class)
                .hasSingleBean(Outbox.class)
                .hasSingleBean(EventInbox.class));
    }

    @Test
    void overKafkaWhenAskedAndKafkaIsThere() {
        runner.withPropertyValues("finance.events.transport=kafka")
                .run(context -> assertThat(context)
                        .hasSingleBean(KafkaEventTransport.class)
                        .hasSingleBean(KafkaInboundEvents.class)
                        .doesNotHaveBean(HttpEventTransport.class));
    }

    @Test
    void withClientCredentialsAServiceTokenComesFromTheUserService() {
        runner.withPropertyValues("finance.events.client.id=expense-service", "finance.events.client.secret=s3cret")
                .run(context -> assertThat(context.getBean(ServiceTokens.class))
                        .isInstanceOf(ClientCredentialsServiceTokens.class));
    }

    @Test
    void withoutCredentialsOrTheOauthClientEveryDeliveryOverHttpSaysWhy() {
        runner.run(context -> assertThat(context.getBean(ServiceTokens.class))
                .isNotInstanceOf(ClientCredentialsServiceTokens.class)
                .satisfies(tokens -> assertThat(failure(tokens)).contains("FINANCE_SERVICE_CLIENT_ID")));
        runner.withClassLoader(new FilteredClassLoader(OAuth2AuthorizedClientManager.class))
                .withPropertyValues("finance.events.client.id=expense-service", "finance.events.client.secret=s")
                .run(context -> assertThat(failure(context.getBean(ServiceTokens.class)))
                        .contains("no client-credentials support"));
    }

    private static String failure(ServiceTokens tokens) {
        try {
            tokens.accessToken();
            return "no failure";
        } catch (DeliveryException e) {
            return e.getMessage();
        }
    }
}
