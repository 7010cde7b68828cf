package com.financetracker.platform.web;

import static com.financetracker.platform.web.ErrorResponsesTest.assertProblem;
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

/** A record marked {@link QueryParameters} is bound from the query string like {@code @RequestParam}s, then validated. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPostgres
@WithTestTokens
class QueryParametersTest {

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
    void eachComponentTakesTheParameterOfItsNameConvertedToItsType() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        JsonNode search = api.get("/search?text=rent&from=2026-03-01&limit=7&ids=" + first + "," + second)
                .bearer(token)
                .send()
                .json();

        assertThat(search.path("text").asString()).isEqualTo("rent");
        assertThat(search.path("from").asString()).isEqualTo("2026-03-01");
        assertThat(search.path("limit").asInt()).isEqualTo(7);
        assertThat(search.path("ids").valueStream().map(JsonNode::asString))
                .containsExactly(first.toString(), second.toString());
    }

    @Test
    void aRepeatedParameterGivesEveryValueAndAMissingOneGivesNull() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        JsonNode search = api.get("/search?ids=" + first + "&ids=" + second)
                .bearer(token)
                .send()
                .json();

        assertThat(search.path("ids").valueStream().map(JsonNode::asString))
                .containsExactly(first.toString(), second.toString());
        assertThat(search.path("text").isNull()).isTrue();
        assertThat(search.path("from").isNull()).isTrue();
        assertThat(search.path("limit").isNull()).isTrue();
    }

    @Test
    void everyParameterThatDoesNotConvertIsNamedInOneProblem() {
        ApiResponse response =
                api.get("/search?from=March&limit=many&ids=x").bearer(token).send();

        assertProblem(response, 400, "validation");
        assertThat(response.json()
                        .path("errors")
                        .valueStream()
                        .map(error -> error.path("field").asString() + " "
                                + error.path("message").asString()))
                .containsExactlyInAnyOrder(
                        "from must be a date (YYYY-MM-DD)", "limit must be a whole number", "ids must be a UUID");
    }

    @Test
    void theBuiltRecordIsValidated() {
        ApiResponse response =
                api.get("/search?text=groceries&limit=0").bearer(token).send();

        assertProblem(response, 400, "validation");
        assertThat(response.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("text", "limit");
    }
}
