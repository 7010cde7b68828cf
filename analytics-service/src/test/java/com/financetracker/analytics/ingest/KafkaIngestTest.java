package com.financetracker.analytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.financetracker.analytics.AnalyticsServiceTest;
import com.financetracker.platform.events.EventEnvelope;
import com.financetracker.platform.test.ApiClient;
import com.financetracker.platform.test.TestTokens;
import com.financetracker.platform.test.WithPostgres;
import com.financetracker.platform.test.WithTestTokens;
import com.financetracker.platform.usage.UsageReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two analytics instances in one consumer group share the usage reports from Kafka; the totals are exact: no report
 * counted twice (not even one delivered twice) and none lost.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"finance.events.transport=kafka", "finance.usage.enabled=false"})
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers", partitions = 3)
@WithPostgres
@WithTestTokens
class KafkaIngestTest {

    static final String TOPIC = "finance.usage-reports.v1";

    @LocalServerPort
    int port;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    @Test
    void twoInstancesInOneGroupCountEveryReportExactlyOnce() throws Exception {
        try (ConfigurableApplicationContext second = new SpringApplication(
                        com.financetracker.analytics.AnalyticsServiceApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + databaseUrl,
                        "--spring.datasource.username=postgres",
                        "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "--finance.events.transport=kafka",
                        "--finance.usage.enabled=false",
                        "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestTokens.ISSUER,
                        "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestTokens.jwksUri())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> groupMembers() == 2);

            Instant minute = Instant.now().minusSeconds(120);
            long expected = 0;
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                UsageReport report = new UsageReport(
                        UUID.randomUUID(),
                        "expense-service",
                        "instance-" + (i % 7),
                        Instant.now(),
                        0,
                        List.of(AnalyticsServiceTest.entry("GET", "/expenses", 200, minute, durations(i % 5 + 1))));
                expected += i % 5 + 1;
                String event = json.writeValueAsString(new EventEnvelope(
                        report.id(),
                        UsageReport.TYPE.name(),
                        report.service() + "/" + report.instance(),
                        report.createdAt(),
                        json.valueToTree(report)));
                sent.add(event);
                kafka.send(TOPIC, report.service() + "/" + report.instance(), event);
            }
            for (int i = 0; i < 10; i++) {
                kafka.send(TOPIC, "redelivered", sent.get(i));
            }
            kafka.flush();

            ApiClient api = ApiClient.onPort(port);
            String admin = TestTokens.admin(UUID.randomUUID());
            long total = expected;
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> AnalyticsServiceTest.totalRequests(api, admin, "/analytics") == total);
            Thread.sleep(2000);
            assertThat(AnalyticsServiceTest.totalRequests(api, admin, "/analytics"))
                    .isEqualTo(total);
        }
    }

    private int groupMembers() throws Exception {
        try (AdminClient admin = AdminClient.create(
                java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("analytics-service"))
                    .all()
                    .get()
                    .get("analytics-service");
            return group.members().size();
        }
    }

    private static double[] durations(int n) {
        double[] values = new double[n];
        java.util.Arrays.fill(values, 3.0);
        return values;
    }
}
