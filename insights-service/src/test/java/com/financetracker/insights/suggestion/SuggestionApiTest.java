package com.financetracker.insights.suggestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.financetracker.insights.InsightsServiceTest;
import com.financetracker.platform.test.ApiResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SuggestionApiTest extends InsightsServiceTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @Test
    void beforeAnyExpenseTheModelEveryoneStartsWithSuggestsADefaultCategory() {
        ApiResponse response = suggest("{\"description\":\"UBER *TRIP 8372 SAN FRANCISCO\",\"amount\":\"23.40\"}");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("modelVersion").asInt()).isZero();
        List<JsonNode> suggestions = list(response.json().path("suggestions"));
        assertThat(suggestions).hasSizeBetween(1, 3);
        assertThat(suggestions.getFirst().path("category").asString()).isEqualTo("Transport");
        assertThat(suggestions)
                .extracting(s -> s.path("confidence").asDouble())
                .allMatch(confidence -> confidence >= 0 && confidence <= 1)
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void aPersonsOwnCategoriesAreLearnedAndTheModelIsTrainedAgainWithAVersion() {
        for (int i = 0; i < 6; i++) {
            created(expense("KLEINE BAECKEREI MUELLER " + i, "4.20", "Baker", DAY.minusDays(i)));
            created(expense("STADTWERKE STROM ABSCHLAG " + i, "80", "Energy", DAY.minusDays(i)));
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> modelVersion() >= 1);
        ApiResponse response = suggest("{\"description\":\"Kleine Baeckerei Mueller\"}");

        assertThat(response.json().path("suggestions").get(0).path("category").asString())
                .isEqualTo("Baker");
        assertThat(response.json().path("modelVersion").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(list(response.json().path("suggestions").get(0).path("because")))
                .extracting(JsonNode::asString)
                .isNotEmpty()
                .allMatch(word -> "kleine baeckerei mueller".contains(word.toLowerCase()));
    }

    @Test
    void aCorrectionChangesTheNextSuggestionAtOnce() {
        UUID coffee = UUID.randomUUID();
        created(expense(coffee, 1, "CORNER COFFEE ROASTERS", "3.50", "Food", DAY));
        for (int i = 0; i < 5; i++) {
            created(expense("TRAIN TICKET " + i, "12", "Transport", DAY.minusDays(i)));
        }

        updated(expense(coffee, 2, "CORNER COFFEE ROASTERS", "3.50", "Treats", DAY));

        assertThat(suggest("{\"description\":\"CORNER COFFEE ROASTERS\"}")
                        .json()
                        .path("suggestions")
                        .get(0)
                        .path("category")
                        .asString())
                .isEqualTo("Treats");
    }

    @Test
    void suggestionsComeFromThePersonsOwnExpensesOnly() {
        for (int i = 0; i < 6; i++) {
            created(expense("ZORBLAX HOBBY SUPPLIES " + i, "20", "Zorblax hobby", DAY.minusDays(i)));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> modelVersion() >= 1);
        UUID owner = userId;

        userId = UUID.randomUUID();
        token = com.financetracker.platform.test.TestTokens.user(userId);
        ApiResponse stranger = suggest("{\"description\":\"ZORBLAX HOBBY SUPPLIES\"}");

        assertThat(list(stranger.json().path("suggestions")))
                .extracting(s -> s.path("category").asString())
                .doesNotContain("Zorblax hobby");
        assertThat(owner).isNotEqualTo(userId);
    }

    @Test
    void invalidInputIsAProblemThatNamesEachField() {
        ApiResponse response = suggest("{\"description\":\"\",\"amount\":\"-3\",\"currency\":\"EURO\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("description", "amount", "currency");
        assertThat(suggest("{\"description\":\"Lunch\",\"date\":\"yesterday\"}").status())
                .isEqualTo(400);
        assertThat(suggest("not json").status()).isEqualTo(400);
    }

    @Test
    void suggestionsAreForSignedInPeople() {
        assertThat(api.post("/insights/category-suggestions")
                        .json("{\"description\":\"Lunch\"}")
                        .send()
                        .status())
                .isEqualTo(401);
    }

    private ApiResponse suggest(String body) {
        return api.post("/insights/category-suggestions")
                .bearer(token)
                .json(body)
                .send();
    }

    private int modelVersion() {
        return jdbc.sql("select coalesce(max(version), 0) from models where user_id = :user")
                .param("user", userId)
                .query(Integer.class)
                .single();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new java.util.ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
