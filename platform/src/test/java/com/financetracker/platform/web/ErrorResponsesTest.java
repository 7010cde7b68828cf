package com.financetracker.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.platform.test.ApiClient;
import com.financetracker.platform.test.ApiResponse;
import com.financetracker.platform.test.TestTokens;
import com.financetracker.platform.test.WithPostgres;
import com.financetracker.platform.test.WithTestTokens;
import com.financetracker.platform.testapp.TestApplication;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Every error path of a service built on the platform answers with the same problem shape and never a 5xx for bad input. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPostgres
@WithTestTokens
public class ErrorResponsesTest {

    @LocalServerPort
    int port;

    ApiClient api;
    String token;

    @BeforeEach
    void setUp() {
        api = ApiClient.onPort(port);
        token = TestTokens.user(UUID.randomUUID());
    }

    @Test
    void validationFailureListsEveryInvalidField() {
        ApiResponse response = api.post("/echo")
                .bearer(token)
                .json("{\"name\":\"\",\"count\":0,\"tags\":[\"toolong\"]}")
                .send();

        assertProblem(response, 400, "validation");
        assertThat(response.json().path("detail").asString()).isEqualTo("3 fields are invalid");
        assertThat(response.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("name", "count", "tags[0]");
    }

    @Test
    void malformedJsonNamesWhereItBroke() {
        ApiResponse response =
                api.post("/echo").bearer(token).json("{\"name\": ").send();

        assertProblem(response, 400, "malformed-request");
        assertThat(response.json().path("detail").asString()).startsWith("The body is not valid JSON at line 1");
    }

    @Test
    void unknownFieldIsRejected() {
        ApiResponse response = api.post("/echo")
                .bearer(token)
                .json("{\"name\":\"a\",\"count\":1,\"admin\":true}")
                .send();

        assertProblem(response, 400, "validation");
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .isEqualTo("admin");
        assertThat(response.json().path("errors").get(0).path("message").asString())
                .isEqualTo("is not a known field");
    }

    @Test
    void wrongTypeNamesTheFieldAndTheExpectedType() {
        ApiResponse response = api.post("/echo")
                .bearer(token)
                .json("{\"name\":\"a\",\"count\":\"many\",\"date\":\"2026-13-45\"}")
                .send();

        assertProblem(response, 400, "validation");
        JsonNode error = response.json().path("errors").get(0);
        assertThat(error.path("field").asString()).isEqualTo("count");
        assertThat(error.path("message").asString()).isEqualTo("must be a whole number");
    }

    @Test
    void invalidDateNamesTheFormat() {
        ApiResponse response = api.post("/echo")
                .bearer(token)
                .json("{\"name\":\"a\",\"count\":1,\"date\":\"2026-13-45\"}")
                .send();

        assertProblem(response, 400, "validation");
        assertThat(response.json().path("errors").get(0).path("message").asString())
                .isEqualTo("must be a date (YYYY-MM-DD)");
    }

    @Test
    void nulCharacterInAStringIsRefused() {
        ApiResponse response = api.post("/echo")
                .bearer(token)
                .json("{\"name\":\"a\\u0000b\",\"count\":1}")
                .send();

        assertProblem(response, 400, "validation");
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .isEqualTo("name");
        assertThat(response.json().path("errors").get(0).path("message").asString())
                .isEqualTo("must not contain NUL characters or unpaired surrogates");
    }

    @Test
    void unpairedSurrogateInAStringIsRefusedButEmojiAreFine() {
        ApiResponse broken = api.post("/echo")
                .bearer(token)
                .json("{\"name\":\"a\\ud800b\",\"count\":1}")
                .send();
        ApiResponse emoji = api.post("/echo")
                .bearer(token)
                .json("{\"name\":\"\\ud83e\\uddfe ok\",\"count\":1}")
                .send();

        assertProblem(broken, 400, "validation");
        assertThat(broken.json().path("errors").get(0).path("field").asString()).isEqualTo("name");
        assertThat(emoji.status()).isEqualTo(200);
        assertThat(emoji.json().path("name").asString()).isEqualTo("🧾 ok");
    }

    @Test
    void unacceptableOrUnreadableAcceptHeaderIsA406Problem() {
        ApiResponse xml =
                api.get("/public/ping").header("Accept", "application/xml").send();
        ApiResponse garbage =
                api.get("/public/ping").header("Accept", "garbage").send();

        ApiResponse invalidWithGarbage = api.post("/echo")
                .bearer(token)
                .header("Accept", "garbage")
                .json("{\"name\":\"\",\"count\":1}")
                .send();

        assertProblem(xml, 406, "not-acceptable");
        assertProblem(garbage, 406, "not-acceptable");
        assertThat(garbage.json().path("detail").asString()).contains("application/json");
        assertThat(invalidWithGarbage.status()).isBetween(400, 406);
        assertThat(invalidWithGarbage.contentType()).startsWith("application/problem+json");
    }

    @Test
    void nulCharacterInAParameterIsRefused() {
        ApiResponse response = api.get("/items?limit=1%00").bearer(token).send();

        assertProblem(response, 400, "validation");
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .isEqualTo("limit");
    }

    @Test
    void missingBodyIsABadRequest() {
        ApiResponse response = api.post("/echo").bearer(token).json("").send();

        assertProblem(response, 400, "malformed-request");
        assertThat(response.json().path("detail").asString()).isEqualTo("A request body is required");
    }

    @Test
    void wrongContentTypeIs415() {
        ApiResponse response =
                api.post("/echo").bearer(token).body("text/plain", "hello").send();

        assertProblem(response, 415, "unsupported-media-type");
        assertThat(response.json().path("detail").asString())
                .contains("text/plain")
                .contains("application/json");
    }

    @Test
    void wrongMethodIs405WithAllow() {
        ApiResponse response = api.delete("/echo").bearer(token).send();

        assertProblem(response, 405, "method-not-allowed");
        assertThat(response.header("Allow")).contains("POST");
    }

    @Test
    void unknownPathIs404EvenWithoutToken() {
        ApiResponse response = api.get("/no/such/thing").send();

        assertProblem(response, 404, "not-found");
        assertThat(response.json().path("instance").asString()).isEqualTo("/no/such/thing");
    }

    @Test
    void bodyOverTheLimitIs413() {
        String big = "{\"name\":\"" + "x".repeat(1_100_000) + "\",\"count\":1}";

        ApiResponse response = api.post("/echo").bearer(token).json(big).send();

        assertProblem(response, 413, "payload-too-large");
    }

    @Test
    void queryParameterOutOfRangeIsAValidationProblem() {
        ApiResponse response = api.get("/items?limit=1000").bearer(token).send();

        assertProblem(response, 400, "validation");
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .isEqualTo("limit");
    }

    @Test
    void queryParameterOfWrongTypeIsAValidationProblem() {
        ApiResponse response = api.get("/items?limit=ten").bearer(token).send();

        assertProblem(response, 400, "validation");
        assertThat(response.json().path("errors").get(0).path("message").asString())
                .isEqualTo("must be a whole number");
    }

    @Test
    void pathVariableOfWrongTypeIsAValidationProblem() {
        ApiResponse response = api.get("/items/not-a-uuid").bearer(token).send();

        assertProblem(response, 400, "validation");
        assertThat(response.json().path("errors").get(0).path("message").asString())
                .isEqualTo("must be a UUID");
    }

    @Test
    void unexpectedFailureHidesItsCause() {
        ApiResponse response = api.get("/boom").bearer(token).send();

        assertProblem(response, 500, "internal");
        assertThat(response.body()).doesNotContain("hunter2").doesNotContain("IllegalStateException");
    }

    @Test
    void firewallRejectionIsAProblemToo() {
        ApiResponse response = api.get("/items/%2e%2e/secret").bearer(token).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void requestTomcatRefusesItselfIsAProblemToo() {
        ApiResponse response = api.get("/items/%00").bearer(token).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asString()).isEqualTo("urn:finance-tracker:problem:malformed-request");
        assertThat(response.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void requestIdIsEchoedAndGeneratedOtherwise() {
        ApiResponse echoed =
                api.get("/public/ping").header("X-Request-Id", "abc-123").send();
        ApiResponse generated = api.get("/public/ping").send();
        ApiResponse problem = api.get("/nope").header("X-Request-Id", "trace-9").send();

        assertThat(echoed.header("X-Request-Id")).isEqualTo("abc-123");
        assertThat(generated.header("X-Request-Id")).hasSize(36);
        assertThat(problem.header("X-Request-Id")).isEqualTo("trace-9");
        assertThat(problem.json().path("requestId").asString()).isEqualTo("trace-9");
    }

    @Test
    void unsafeRequestIdIsReplaced() {
        ApiResponse response =
                api.get("/public/ping").header("X-Request-Id", "<script>").send();

        assertThat(response.header("X-Request-Id")).isNotEqualTo("<script>").hasSize(36);
    }

    @Test
    void htmlAcceptStillGetsAProblem() {
        ApiResponse response = api.get("/nope").header("Accept", "text/html").send();

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("<html");
    }

    @Test
    void healthAndMetricsArePublic() {
        assertThat(api.get("/actuator/health/liveness").send().status()).isEqualTo(200);
        assertThat(api.get("/actuator/health/readiness").send().status()).isEqualTo(200);
        assertThat(api.get("/actuator/prometheus").send().body()).contains("jvm_memory_used_bytes");
        assertThat(api.get("/actuator/env").send().status()).isEqualTo(404);
        assertThat(api.get("/v3/api-docs").send().status()).isEqualTo(200);
    }

    public static void assertProblem(ApiResponse response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode body = response.json();
        assertThat(body.path("type").asString()).isEqualTo("urn:finance-tracker:problem:" + type);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("title").asString()).isNotBlank();
        assertThat(body.path("detail").asString()).isNotBlank();
        assertThat(body.path("requestId").asString()).isNotBlank();
    }
}
