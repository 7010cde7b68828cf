package com.financetracker.web.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.platform.test.ApiClient;
import com.financetracker.platform.test.ApiResponse;
import com.financetracker.web.WebAppTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.TestPropertySource;

/**
 * With a management port of its own ({@code MANAGEMENT_SERVER_PORT}, as Docker Compose and Kubernetes set it), the
 * web app's public port serves the pages alone; probes and metrics answer on the management port, without a login.
 */
@TestPropertySource(properties = "management.server.port=0")
class ManagementPortTest extends WebAppTest {

    @LocalManagementPort
    int managementPort;

    @Test
    void probesAndMetricsAnswerOnlyOnTheManagementPort() {
        ApiClient management = ApiClient.onPort(managementPort);
        assertThat(management.get("/actuator/health/liveness").send().status()).isEqualTo(200);
        assertThat(management.get("/actuator/health/readiness").send().status()).isEqualTo(200);
        ApiResponse metrics = management.get("/actuator/prometheus").send();
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");

        ApiClient pages = ApiClient.onPort(port);
        assertThat(pages.get("/login").send().status()).isEqualTo(200);
        for (String path : List.of("/actuator/health/readiness", "/actuator/prometheus")) {
            assertThat(pages.get(path).send().status()).as(path).isEqualTo(404);
        }
    }
}
