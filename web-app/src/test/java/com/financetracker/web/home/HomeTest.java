package com.financetracker.web.home;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.web.Browser;
import com.financetracker.web.FakeServices.Mode;
import com.financetracker.web.WebAppTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class HomeTest extends WebAppTest {

    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @Test
    void showsThisMonthAgainstLastMonthPerCurrencyTheChartAndTheLatest() {
        signedIn();
        add("12.50", "USD", "Food", "Lunch", today);
        add("30.00", "USD", "Transport", "Taxi", today);
        add("8.00", "EUR", "Food", "Croissant", today);
        add("20.00", "USD", "Food", "Groceries", today.withDayOfMonth(1).minusDays(1));

        Browser.Page home = browser.get("/");

        assertThat(home.status()).isEqualTo(200);
        assertThat(home.document().select("[data-testid=month-total]").eachText())
                .as("never mixed: one total per currency, the default first")
                .satisfiesExactly(
                        usd -> assertThat(usd).startsWith("$42.50 Last month $20.00 (+11"),
                        eur -> assertThat(eur).isEqualTo("€8.00 Last month €0.00"));
        Element chart = home.document().selectFirst("#category-chart");
        assertThat(chart.attr("data-currency")).isEqualTo("USD");
        assertThat(chart.attr("data-labels")).isEqualTo("[\"Transport\",\"Food\"]");
        assertThat(chart.attr("data-values")).isEqualTo("[\"30.00\",\"12.50\"]");
        assertThat(home.document().select("#latest-list .expense .description").eachText())
                .contains("Lunch", "Taxi", "Croissant");
        assertThat(home.document().select("#category-names option").eachAttr("value"))
                .contains("Food", "Housing");
        assertThat(home.document().selectFirst("#qa-currency").attr("value")).isEqualTo("USD");
    }

    @Test
    void moneyAndDatesFollowTheBrowsersLanguage() {
        signedIn();
        add("1234.50", "EUR", "Food", "Feast", LocalDate.of(2026, 3, 4));

        Browser.Page home = browser.language("de-DE").get("/");

        assertThat(home.text("#latest-list .amount")).isEqualTo("1.234,50 €");
        assertThat(home.text("#latest-list .meta")).startsWith("04.03.2026");
        assertThat(home.document().selectFirst("html").attr("lang")).isEqualTo("de-DE");
    }

    @Test
    void quickAddReturnsTheNewRowAFreshFormAndReloadsTheSummary() {
        signedIn();
        String key = browser.get("/")
                .document()
                .selectFirst("input[name=idempotencyKey]")
                .attr("value");

        Browser.Page added = browser.htmxPost(
                "/quick-add",
                "amount",
                "4,20",
                "currency",
                "USD",
                "category",
                "Food",
                "description",
                "Coffee",
                "date",
                today.toString(),
                "idempotencyKey",
                key);

        assertThat(added.status()).isEqualTo(200);
        assertThat(added.header("HX-Trigger")).isEqualTo("expenses-changed");
        assertThat(added.text("ul[hx-swap-oob] .description")).isEqualTo("Coffee");
        assertThat(added.text("ul[hx-swap-oob] .amount")).isEqualTo("$4.20");
        assertThat(added.document().selectFirst("#qa-amount").attr("value")).isEmpty();
        assertThat(added.document().selectFirst("input[name=idempotencyKey]").attr("value"))
                .isNotEqualTo(key);
        assertThat(account().expenses.values()).singleElement().satisfies(expense -> {
            assertThat(expense.path("amount").asString()).isEqualTo("4.20");
            assertThat(expense.path("description").asString()).isEqualTo("Coffee");
        });
    }

    @Test
    void aDoubleSubmitCreatesOneExpense() {
        signedIn();
        String key = browser.get("/")
                .document()
                .selectFirst("input[name=idempotencyKey]")
                .attr("value");

        for (int i = 0; i < 2; i++) {
            browser.htmxPost(
                    "/quick-add",
                    "amount",
                    "9.99",
                    "category",
                    "Food",
                    "date",
                    today.toString(),
                    "idempotencyKey",
                    key);
        }

        assertThat(account().expenses).hasSize(1);
        assertThat(SERVICES.idempotencyKeys).containsSubsequence(key, key);
    }

    @Test
    void aQuickAddWithoutJavaScriptRedirectsHome() {
        signedIn();
        browser.get("/");

        Browser.Page added = browser.post("/quick-add", "amount", "3", "category", "Food", "date", today.toString());

        assertThat(added.location()).isEqualTo("/");
        assertThat(account().expenses).hasSize(1);
    }

    @Test
    void theServicesFieldErrorsAppearNextToTheirFields() {
        signedIn();
        browser.get("/");

        Browser.Page refused = browser.htmxPost(
                "/quick-add", "amount", "-3", "category", "", "date", today.toString(), "idempotencyKey", "k-1");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("HX-Retarget")).isEqualTo("#quick-add");
        assertThat(refused.text("#qa-amount-error"))
                .isEqualTo("Amount must be greater than 0 with at most 2 decimals.");
        assertThat(refused.text("#qa-category-error")).isEqualTo("Category must not be blank.");
        assertThat(refused.document().selectFirst("#qa-amount").attr("aria-invalid"))
                .isEqualTo("true");
        assertThat(refused.document().selectFirst("#qa-amount").attr("value")).isEqualTo("-3");
        assertThat(refused.document().selectFirst("input[name=idempotencyKey]").attr("value"))
                .as("a corrected retry of the same form keeps its key")
                .isEqualTo("k-1");
        assertThat(account().expenses).isEmpty();
    }

    @Test
    void whenTheExpenseServiceFailsEachPartSaysSoAndThePageStillRenders() {
        signedIn();
        SERVICES.expenses.mode = Mode.FAILING;

        Browser.Page home = browser.get("/");

        assertThat(home.status()).isEqualTo(200);
        assertThat(home.document().select(".unavailable").eachText())
                .hasSize(4)
                .allMatch(text -> text.equals("The expense service is unavailable right now; try again in a moment."));
        assertThat(home.document().selectFirst("#quick-add form")).isNotNull();
        assertThat(home.body()).doesNotContain("Exception");
    }

    @Test
    void whenTheExpenseServiceIsDownQuickAddSaysSo() {
        signedIn();
        browser.get("/");
        SERVICES.expenses.mode = Mode.DOWN;

        Browser.Page refused = browser.htmxPost(
                "/quick-add", "amount", "3", "category", "Food", "date", today.toString(), "idempotencyKey", "k-2");

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.text("#quick-add .alert"))
                .isEqualTo("The expense service is unavailable right now; try again in a moment.");
    }

    private void add(String amount, String currency, String category, String description, LocalDate date) {
        browser.get("/");
        Browser.Page added = browser.htmxPost(
                "/quick-add",
                "amount",
                amount,
                "currency",
                currency,
                "category",
                category,
                "description",
                description,
                "date",
                date.toString(),
                "idempotencyKey",
                java.util.UUID.randomUUID().toString());
        assertThat(added.status()).as(added.body()).isEqualTo(200);
    }
}
