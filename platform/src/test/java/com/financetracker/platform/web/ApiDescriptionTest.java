package com.financetracker.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.platform.test.ApiClient;
import com.financetracker.platform.test.WithPostgres;
import com.financetracker.platform.test.WithTestTokens;
import com.financetracker.platform.testapp.TestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document lists what a client sends, and nothing the service finds out for itself. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPostgres
@WithTestTokens
class ApiDescriptionTest {

    @LocalServerPort
    int port;

    @Test
    void theCallerComesFromTheTokenAndIsNoParameter() {
        JsonNode document = ApiClient.onPort(port).get("/v3/api-docs").send().json();

        JsonNode item = document.path("paths").path("/items/{id}").path("get");
        assertThat(item.path("parameters")
                        .valueStream()
                        .map(parameter -> parameter.path("name").asString()))
                .containsExactly("id");
        assertThat(document.path("components").path("securitySchemes").has("bearer"))
                .isTrue();
    }
}
