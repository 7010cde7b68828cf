package com.financetracker.expenses.category;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.expenses.ExpenseServiceTest;
import com.financetracker.platform.test.ApiResponse;
import com.financetracker.platform.test.TestTokens;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CategoryTest extends ExpenseServiceTest {

    private static final List<String> DEFAULTS = List.of(
            "Food",
            "Transport",
            "Housing",
            "Utilities",
            "Health",
            "Entertainment",
            "Shopping",
            "Travel",
            "Education",
            "Other");

    @Test
    void aNewUserHasTheTenDefaultCategoriesUnused() {
        ApiResponse response = api.get("/categories").bearer(token).send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().isArray()).isTrue();
        assertThat(names(response)).containsExactlyInAnyOrderElementsOf(DEFAULTS);
        assertThat(response.json().findValuesAsString("expenseCount")).containsOnly("0");
        response.json()
                .forEach(category -> assertThat(
                                UUID.fromString(category.path("id").asString()))
                        .isNotNull());
    }

    @Test
    void listsHowManyExpensesUseEachCategory() {
        created(token, expense("1", "Food", "2026-01-01"));
        created(token, expense("2", "food", "2026-01-02"));
        created(token, expense("3", "Travel", "2026-01-03"));

        ApiResponse response = api.get("/categories").bearer(token).send();

        assertThat(category(response, "Food").path("expenseCount").asLong()).isEqualTo(2);
        assertThat(category(response, "Travel").path("expenseCount").asLong()).isEqualTo(1);
        assertThat(category(response, "Health").path("expenseCount").asLong()).isZero();
    }

    @Test
    void anotherUsersCategoriesAndExpensesAreNotCounted() {
        String other = TestTokens.user(UUID.randomUUID());
        created(other, expense("1", "Food", "2026-01-01"));
        created(other, expense("1", "Their own", "2026-01-01"));

        ApiResponse mine = api.get("/categories").bearer(token).send();

        assertThat(names(mine)).containsExactlyInAnyOrderElementsOf(DEFAULTS);
        assertThat(category(mine, "Food").path("expenseCount").asLong()).isZero();
    }

    @Test
    void createsACategory() {
        ApiResponse response = createCategory(token, "  Pets  ");

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String id = response.json().path("id").asString();
        assertThat(response.json().path("name").asString()).isEqualTo("Pets");
        assertThat(response.json().path("expenseCount").asLong()).isZero();
        assertThat(response.header("Location")).isEqualTo("/categories/" + id);
        assertThat(names(api.get("/categories").bearer(token).send())).contains("Pets");
        assertThat(jdbc.sql("select name from categories where id = :id and user_id = :user")
                        .param("id", UUID.fromString(id))
                        .param("user", userId)
                        .query(String.class)
                        .single())
                .isEqualTo("Pets");
    }

    @Test
    void aNameThatExistsInAnyCaseIsAConflict() {
        createCategory(token, "Pets");

        assertProblem(createCategory(token, "pets"), 409, "category-exists");
        assertProblem(createCategory(token, "PETS"), 409, "category-exists");
        assertProblem(createCategory(token, "fOOD"), 409, "category-exists");
        assertThat(categoryCount()).isEqualTo(11);
    }

    @Test
    void anotherUserMayHaveACategoryOfTheSameName() {
        createCategory(token, "Pets");

        ApiResponse theirs = createCategory(TestTokens.user(UUID.randomUUID()), "Pets");

        assertThat(theirs.status()).isEqualTo(201);
    }

    @Test
    void categoryNamesMustHaveOneToFiftyCharacters() {
        assertProblem(createCategory(token, ""), 400, "validation");
        assertProblem(createCategory(token, "   "), 400, "validation");
        assertProblem(createCategory(token, "c".repeat(51)), 400, "validation");
        assertProblem(api.post("/categories").bearer(token).json("{}").send(), 400, "validation");
        assertThat(createCategory(token, "c".repeat(50)).status()).isEqualTo(201);
    }

    @Test
    void anExpenseWithANewCategoryNameCreatesTheCategory() {
        JsonNode expense = created(token, expense("5", "Gardening", "2026-01-01"));

        ApiResponse categories = api.get("/categories").bearer(token).send();

        assertThat(expense.path("category").asString()).isEqualTo("Gardening");
        assertThat(category(categories, "Gardening").path("expenseCount").asLong())
                .isEqualTo(1);
        assertThat(categories.json().size()).isEqualTo(11);
    }

    @Test
    void anExpenseNamingACategoryInAnotherCaseUsesTheExistingOne() {
        createCategory(token, "Gardening");

        JsonNode expense = created(token, expense("5", "GARDENING", "2026-01-01"));

        assertThat(expense.path("category").asString()).isEqualTo("Gardening");
        assertThat(categoryCount()).isEqualTo(11);
    }

    @Test
    void categoryNamesBeyondAsciiMatchWhateverTheirCase() {
        for (String[] spellings : new String[][] {
            {"Épicerie", "épicerie", "%C3%89PICERIE"},
            {"İstanbul", "İSTANBUL", "%C4%B0stanbul"},
            {"ΣΟΦΟΣ", "Σοφοσ", "%CE%A3%CE%9F%CE%A6%CE%9F%CE%A3"}
        }) {
            JsonNode first = created(token, expense("5", spellings[0], "2026-01-01"));
            JsonNode second = created(token, expense("6", spellings[1], "2026-01-02"));
            ApiResponse filtered =
                    api.get("/expenses?category=" + spellings[2]).bearer(token).send();

            assertThat(first.path("category").asString()).isEqualTo(spellings[0]);
            assertThat(second.path("category").asString()).isEqualTo(spellings[0]);
            assertThat(filtered.json().size()).as(spellings[0]).isEqualTo(2);
            assertProblem(createCategory(token, spellings[1]), 409, "category-exists");
        }
        assertThat(categoryCount()).isEqualTo(13);
    }

    @Test
    void renamingACategoryRenamesItOnItsExpensesAndBumpsTheirVersion() {
        JsonNode expense = created(token, expense("5", "Food", "2026-01-01"));
        String foodId = category(api.get("/categories").bearer(token).send(), "Food")
                .path("id")
                .asString();

        ApiResponse renamed = rename(token, foodId, "{\"name\":\"Groceries\"}");

        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().path("name").asString()).isEqualTo("Groceries");
        assertThat(renamed.json().path("id").asString()).isEqualTo(foodId);
        assertThat(renamed.json().path("expenseCount").asLong()).isEqualTo(1);
        ApiResponse read = api.get("/expenses/" + expense.path("id").asString())
                .bearer(token)
                .send();
        assertThat(read.json().path("category").asString()).isEqualTo("Groceries");
        assertThat(read.json().path("version").asInt()).isEqualTo(2);
        assertThat(read.header("ETag")).isEqualTo("\"2\"");
        assertThat(names(api.get("/categories").bearer(token).send()))
                .contains("Groceries")
                .doesNotContain("Food");
    }

    @Test
    void renamingOnlyTheCaseIsAllowed() {
        String id = createCategory(token, "pets").json().path("id").asString();

        ApiResponse renamed = rename(token, id, "{\"name\":\"Pets\"}");

        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().path("name").asString()).isEqualTo("Pets");
    }

    @Test
    void renamingToANameThatExistsIsAConflict() {
        String id = createCategory(token, "Pets").json().path("id").asString();

        assertProblem(rename(token, id, "{\"name\":\"FOOD\"}"), 409, "category-exists");
        assertThat(names(api.get("/categories").bearer(token).send())).contains("Pets");
    }

    @Test
    void anInvalidRenameIsABadRequest() {
        String id = createCategory(token, "Pets").json().path("id").asString();

        assertProblem(rename(token, id, "{\"name\":\"\"}"), 400, "validation");
        assertProblem(rename(token, id, "{\"name\":null}"), 400, "validation");
        assertProblem(rename(token, id, "{\"name\":\"" + "x".repeat(51) + "\"}"), 400, "validation");
        assertProblem(rename(token, id, "{\"colour\":\"red\"}"), 400, "validation");
        assertThat(names(api.get("/categories").bearer(token).send())).contains("Pets");
    }

    @Test
    void deletesAnUnusedCategory() {
        String id = createCategory(token, "Pets").json().path("id").asString();

        ApiResponse deleted = api.delete("/categories/" + id).bearer(token).send();

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(names(api.get("/categories").bearer(token).send())).doesNotContain("Pets");
        assertProblem(api.delete("/categories/" + id).bearer(token).send(), 404, "not-found");
    }

    @Test
    void deletingACategoryInUseWithoutReassignToIsAConflict() {
        created(token, expense("5", "Pets", "2026-01-01"));
        String id = categoryId("Pets");

        ApiResponse response = api.delete("/categories/" + id).bearer(token).send();

        assertProblem(response, 409, "category-in-use");
        assertThat(response.json().path("expenseCount").asLong()).isEqualTo(1);
        assertThat(names(api.get("/categories").bearer(token).send())).contains("Pets");
    }

    @Test
    void deletingWithReassignToMovesTheExpenses() {
        JsonNode first = created(token, expense("5", "Pets", "2026-01-01"));
        JsonNode second = created(token, expense("6", "Pets", "2026-01-02"));
        String pets = categoryId("Pets");
        String other = categoryId("Other");

        ApiResponse response = api.delete("/categories/" + pets + "?reassignTo=" + other)
                .bearer(token)
                .send();

        assertThat(response.status()).as(response.body()).isEqualTo(204);
        for (JsonNode expense : List.of(first, second)) {
            JsonNode read = api.get("/expenses/" + expense.path("id").asString())
                    .bearer(token)
                    .send()
                    .json();
            assertThat(read.path("category").asString()).isEqualTo("Other");
            assertThat(read.path("version").asInt()).isEqualTo(2);
        }
        ApiResponse categories = api.get("/categories").bearer(token).send();
        assertThat(names(categories)).doesNotContain("Pets");
        assertThat(category(categories, "Other").path("expenseCount").asLong()).isEqualTo(2);
    }

    @Test
    void reassigningToTheSameCategoryIsABadRequest() {
        created(token, expense("5", "Pets", "2026-01-01"));
        String pets = categoryId("Pets");

        ApiResponse response = api.delete("/categories/" + pets + "?reassignTo=" + pets)
                .bearer(token)
                .send();

        assertProblem(response, 400, "validation");
        assertThat(invalidFields(response)).containsExactly("reassignTo");
        assertThat(names(api.get("/categories").bearer(token).send())).contains("Pets");
    }

    @Test
    void reassigningToAnotherUsersCategoryIsABadRequest() {
        String other = TestTokens.user(UUID.randomUUID());
        String theirs = createCategory(other, "Theirs").json().path("id").asString();
        JsonNode expense = created(token, expense("5", "Pets", "2026-01-01"));
        String pets = categoryId("Pets");

        ApiResponse response = api.delete("/categories/" + pets + "?reassignTo=" + theirs)
                .bearer(token)
                .send();

        assertProblem(response, 400, "validation");
        assertThat(invalidFields(response)).containsExactly("reassignTo");
        assertThat(api.get("/expenses/" + expense.path("id").asString())
                        .bearer(token)
                        .send()
                        .json()
                        .path("category")
                        .asString())
                .isEqualTo("Pets");
        assertProblem(
                api.delete("/categories/" + pets + "?reassignTo=" + UUID.randomUUID())
                        .bearer(token)
                        .send(),
                400,
                "validation");
    }

    @Test
    void anotherUsersCategoryDoesNotExist() {
        String other = TestTokens.user(UUID.randomUUID());
        String theirs = createCategory(other, "Theirs").json().path("id").asString();

        assertProblem(rename(token, theirs, "{\"name\":\"Mine now\"}"), 404, "not-found");
        assertProblem(api.delete("/categories/" + theirs).bearer(token).send(), 404, "not-found");
        assertProblem(rename(token, UUID.randomUUID().toString(), "{\"name\":\"x\"}"), 404, "not-found");
        assertThat(names(api.get("/categories").bearer(other).send())).contains("Theirs");
    }

    private ApiResponse createCategory(String token, String name) {
        return api.post("/categories")
                .bearer(token)
                .json("{\"name\":\"" + name + "\"}")
                .send();
    }

    private ApiResponse rename(String token, String id, String patch) {
        return api.patch("/categories/" + id)
                .bearer(token)
                .body("application/merge-patch+json", patch)
                .send();
    }

    private String categoryId(String name) {
        return category(api.get("/categories").bearer(token).send(), name)
                .path("id")
                .asString();
    }

    private int categoryCount() {
        return jdbc.sql("select count(*) from categories where user_id = :user")
                .param("user", userId)
                .query(Integer.class)
                .single();
    }

    private static JsonNode category(ApiResponse response, String name) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(response.json().spliterator(), false)
                .filter(c -> c.path("name").asString().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no category " + name + " in " + response.body()));
    }

    private static List<String> names(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().findValuesAsString("name");
    }
}
