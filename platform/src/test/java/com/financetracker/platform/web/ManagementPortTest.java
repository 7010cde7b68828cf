package com.financetracker.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.platform.test.ApiClient;
import com.financetracker.platform.test.ApiResponse;
import com.financetracker.platform.test.WithPostgres;
import com.financetracker.platform.test.WithTestTokens;
import com.financetracker.platform.testapp.TestApplication;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * With a management port of its own ({@code MANAGEMENT_SERVER_PORT}, as Docker Compose and Kubernetes set it), a
 * service's public port serves the API alone: probes, metrics, the API description and Swagger UI answer only on the
 * management port, which is never published.
 */
@SpringBootTest(
        classes = TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.server.port=0")
@WithPostgres
@WithTestTokens
class ManagementPortTest {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    ApiClient api;
    ApiClient management;

    @BeforeEach
    void connect() {
        assertThat(managementPort).isNotEqualTo(port);
        api = ApiClient.onPort(port);
        management = ApiClient.onPort(managementPort);
    }

    @Test
    void thePublicPortServesTheApiAlone() {
        assertThat(api.get("/public/ping").send().status()).isEqualTo(200);
        for (String path : List.of(
                "/actuator/health/readiness",
                "/actuator/health/liveness",
                "/actuator/prometheus",
                "/actuator/openapi",
                "/actuator/swagger-ui",
                "/v3/api-docs",
                "/v3/api-docs/swagger-config",
                "/swagger-ui.html",
                "/swagger-ui/index.html")) {
            assertThat(api.get(path).send().status()).as(path).isEqualTo(404);
        }
    }

    @Test
    void probesAndMetricsAnswerOnTheManagementPortWithoutAToken() {
        assertThat(management.get("/actuator/health/liveness").send().status()).isEqualTo(200);
        assertThat(management.get("/actuator/health/readiness").send().status()).isEqualTo(200);
        ApiResponse metrics = management.get("/actuator/prometheus").send();
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        assertThat(management.get("/actuator/env").send().status()).isEqualTo(404);
    }

    @Test
    void theApiDescriptionAndSwaggerUiAnswerOnTheManagementPort() {
        ApiResponse description = management.get("/actuator/openapi").send();
        assertThat(description.status()).as(description.body()).isEqualTo(200);
        JsonNode document = description.json();
        // Swagger UI's "Try it out" calls the API where it is served: the public port
        assertThat(document.path("servers").path(0).path("url").asString()).endsWith(":" + port);
        assertThat(document.path("paths").has("/items/{id}")).isTrue();
        assertThat(document.path("paths").propertyNames()).noneMatch(path -> path.startsWith("/actuator"));
        assertThat(document.path("components").path("securitySchemes").has("bearer"))
                .isTrue();

        ApiResponse ui = management.get("/actuator/swagger-ui/index.html").send();
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
        ApiResponse config =
                management.get("/actuator/swagger-ui/swagger-config").send();
        assertThat(config.status()).as(config.body()).isEqualTo(200);
        assertThat(config.json().path("url").asString()).isEqualTo("/actuator/openapi");
        assertThat(management.get("/v3/api-docs").send().status()).isEqualTo(404);
    }
}
