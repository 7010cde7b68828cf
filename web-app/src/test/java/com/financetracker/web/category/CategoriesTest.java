package com.financetracker.web.category;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.web.Browser;
import com.financetracker.web.WebAppTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CategoriesTest extends WebAppTest {

    @Test
    void createsRenamesAndRefusesADuplicateNextToItsField() {
        signedIn();
        browser.get("/categories");

        Browser.Page created = browser.htmxPost("/categories", "name", "Pets");

        assertThat(created.text(".notice")).isEqualTo("Added the category Pets.");
        assertThat(account().categories).containsValue("Pets");
        String id = idOf("Pets");

        Browser.Page duplicate = browser.htmxPost("/categories/" + id + "/rename", "name", "Food");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.text("#rename-" + id + "-error")).isEqualTo("You already have a category with this name.");

        Browser.Page renamed = browser.htmxPost("/categories/" + id + "/rename", "name", "Animals");
        assertThat(renamed.text(".notice")).isEqualTo("Renamed the category to Animals.");
        assertThat(account().categories.get(id)).isEqualTo("Animals");
    }

    @Test
    void deletingACategoryInUseNeedsWhereItsExpensesGo() {
        signedIn();
        browser.get("/");
        browser.htmxPost("/quick-add", "amount", "5", "category", "Food", "date", "2026-11-20", "idempotencyKey", "c1");
        String food = idOf("Food");
        String other = idOf("Other");
        Browser.Page page = browser.get("/categories");
        assertThat(page.document().selectFirst("#reassign-" + food)).isNotNull();

        Browser.Page refused = browser.htmxPost("/categories/" + food + "/delete");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("#reassign-" + food + "-error"))
                .isEqualTo("Expenses use this category: choose the category they move to.");

        Browser.Page deleted = browser.htmxPost("/categories/" + food + "/delete", "reassignTo", other);

        assertThat(deleted.text(".notice")).isEqualTo("Deleted the category.");
        assertThat(account().categories).doesNotContainKey(food);
        assertThat(account().expenses.values())
                .allSatisfy(expense ->
                        assertThat(expense.path("category").asString()).isEqualTo("Other"));
    }

    @Test
    void withoutJavaScriptEachFormRedirectsBackWithASentence() {
        signedIn();
        browser.get("/categories");

        Browser.Page created = browser.post("/categories", "name", "Garden");

        assertThat(created.location()).isEqualTo("/categories?done=added");
        assertThat(browser.get(created.location()).text(".notice")).isEqualTo("Added the category.");
    }

    private String idOf(String name) {
        return account().categories.entrySet().stream()
                .filter(entry -> entry.getValue().equals(name))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
    }
}
