package com.financetracker.web.home;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.web.Browser;
import com.financetracker.web.FakeServices.Mode;
import com.financetracker.web.WebAppTest;
import java.time.Instant;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class InsightsOnHomeTest extends WebAppTest {

    @Test
    void quickAddShowsTheTopSuggestionAndMarksItToBeFilledInWhenConfident() {
        signedIn();
        SERVICES.suggestionsByWord.put("coffee", Map.entry("Food", 0.92));
        browser.get("/");

        Browser.Page hint = browser.htmxPost(
                "/quick-add/suggestion", "description", "Coffee at the station", "amount", "3,50", "currency", "EUR");

        assertThat(hint.status()).isEqualTo(200);
        Element paragraph = hint.document().selectFirst("#qa-category-hint");
        assertThat(paragraph.text()).isEqualTo("Suggested: Food (92 %)");
        assertThat(paragraph.attr("data-category")).isEqualTo("Food");
        assertThat(paragraph.hasAttr("data-fill")).isTrue();
    }

    @Test
    void belowThePersonsThresholdTheSuggestionIsOnlyShown() {
        signedIn();
        SERVICES.suggestionsByWord.put("coffee", Map.entry("Food", 0.75));
        browser.get("/settings");
        assertThat(browser.post("/settings/suggestions", "threshold", "80").status())
                .isEqualTo(302);
        assertThat(browser.get("/settings")
                        .document()
                        .selectFirst("#threshold option[selected]")
                        .attr("value"))
                .isEqualTo("80");
        browser.get("/");

        Browser.Page hint = browser.htmxPost("/quick-add/suggestion", "description", "Coffee");

        assertThat(hint.text("#qa-category-hint")).isEqualTo("Suggested: Food (75 %)");
        assertThat(hint.document().selectFirst("#qa-category-hint").hasAttr("data-fill"))
                .isFalse();
    }

    @Test
    void anEmptyDescriptionOrNoSuggestionLeavesTheHintEmpty() {
        signedIn();
        browser.get("/");

        assertThat(browser.htmxPost("/quick-add/suggestion", "description", " ").text("#qa-category-hint"))
                .isEmpty();
        assertThat(browser.htmxPost("/quick-add/suggestion", "description", "Something unknown")
                        .text("#qa-category-hint"))
                .isEmpty();
    }

    @Test
    void anInvalidThresholdIsRefusedWithASentenceAndChangesNothing() {
        signedIn();
        browser.get("/settings");

        Browser.Page refused = browser.post("/settings/suggestions", "threshold", "7");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("#threshold-error")).isEqualTo("Choose one of the listed confidences.");
        assertThat(browser.get("/settings")
                        .document()
                        .selectFirst("#threshold option[selected]")
                        .attr("value"))
                .isEqualTo("60");
    }

    @Test
    void whenTheInsightsServiceIsDownQuickAddStillWorksWithoutASuggestion() {
        signedIn();
        SERVICES.insights.mode = Mode.DOWN;
        browser.get("/");

        Browser.Page hint = browser.htmxPost("/quick-add/suggestion", "description", "Coffee");

        assertThat(hint.status()).isEqualTo(200);
        assertThat(hint.text("#qa-category-hint")).isEmpty();
        assertThat(hint.document().selectFirst("#qa-category-hint").hasAttr("data-fill"))
                .isFalse();
    }

    @Test
    void theHomePageShowsAlertsThatCanBeDismissed() {
        signedIn();
        String id = "0b6f1f9e-2d55-4a53-9a3a-5b9f2f3d1c11";
        account()
                .alerts
                .put(
                        id,
                        Map.of(
                                "id",
                                id,
                                "kind",
                                "possible-duplicate",
                                "message",
                                "Two charges of $12.50 at Corner Cafe within 2 days: a duplicate?",
                                "createdAt",
                                Instant.now().toString(),
                                "expenseIds",
                                java.util.List.of()));

        Browser.Page home = browser.get("/");
        assertThat(home.document().select("#alert-list li p").eachText())
                .containsExactly("Two charges of $12.50 at Corner Cafe within 2 days: a duplicate?");

        Browser.Page dismissed = browser.htmxPost("/alerts/" + id + "/dismiss");

        assertThat(dismissed.status()).isEqualTo(200);
        assertThat(account().alerts).isEmpty();
        assertThat(browser.get("/").document().select("#alert-list")).isEmpty();
    }

    @Test
    void whenTheInsightsServiceFailsTheAlertsSaySoAndTheRestRenders() {
        signedIn();
        SERVICES.insights.mode = Mode.FAILING;

        Browser.Page home = browser.get("/");

        assertThat(home.status()).isEqualTo(200);
        assertThat(home.document().select(".unavailable").eachText())
                .containsExactly("The insights service is unavailable right now; try again in a moment.");
        assertThat(home.document().selectFirst("#quick-add form")).isNotNull();
        assertThat(home.document().selectFirst("#latest-list")).isNotNull();
    }
}
