package com.financetracker.expenses.expense;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.expenses.ExpenseServiceTest;
import com.financetracker.platform.test.ApiResponse;
import com.financetracker.platform.test.TestTokens;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ExpenseCrudTest extends ExpenseServiceTest {

    @Test
    void createsAnExpenseWithExactMoney() {
        ApiResponse response = create(
                token,
                "{\"amount\":\"12.5\",\"currency\":\"eur\",\"category\":\"food\",\"description\":\" Lunch \","
                        + "\"date\":\"2026-11-20\",\"tags\":[\"work\",\" work\",\"team\"]}");

        assertThat(response.status()).isEqualTo(201);
        JsonNode expense = response.json();
        assertThat(expense.path("amount").asString()).isEqualTo("12.50");
        assertThat(expense.path("currency").asString()).isEqualTo("EUR");
        assertThat(expense.path("category").asString()).isEqualTo("Food");
        assertThat(expense.path("description").asString()).isEqualTo("Lunch");
        assertThat(expense.path("date").asString()).isEqualTo("2026-11-20");
        assertThat(expense.path("tags").toString()).isEqualTo("[\"work\",\"team\"]");
        assertThat(expense.path("version").asInt()).isEqualTo(1);
        assertThat(expense.path("createdAt").asString()).endsWith("Z");
        assertThat(response.header("Location"))
                .isEqualTo("/expenses/" + expense.path("id").asString());
        assertThat(response.header("ETag")).isEqualTo("\"1\"");
        assertThat(jdbc.sql("select amount::text from expenses where id = :id")
                        .param("id", UUID.fromString(expense.path("id").asString()))
                        .query(String.class)
                        .single())
                .isEqualTo("12.5000");
    }

    @Test
    void acceptsANumericAmountWithoutLosingCents() {
        JsonNode expense = created(token, "{\"amount\":0.1,\"category\":\"Food\",\"date\":\"2026-11-20\"}");

        assertThat(expense.path("amount").asString()).isEqualTo("0.10");
    }

    @Test
    void currencyDefaultsToTheUsersThenToUsd() {
        String euroUser = TestTokens.forSubject(UUID.randomUUID().toString())
                .roles("USER")
                .claim("currency", "CHF")
                .sign();

        assertThat(created(token, expense("5", "Food", "2026-01-01"))
                        .path("currency")
                        .asString())
                .isEqualTo("USD");
        assertThat(created(euroUser, expense("5", "Food", "2026-01-01"))
                        .path("currency")
                        .asString())
                .isEqualTo("CHF");
    }

    @Test
    void decimalsFollowTheCurrency() {
        ApiResponse yenWithCents = create(
                token, "{\"amount\":\"100.5\",\"currency\":\"JPY\",\"category\":\"Food\",\"date\":\"2026-01-01\"}");
        JsonNode dinars = created(
                token, "{\"amount\":\"1.125\",\"currency\":\"KWD\",\"category\":\"Food\",\"date\":\"2026-01-01\"}");
        JsonNode yen = created(
                token, "{\"amount\":\"100\",\"currency\":\"JPY\",\"category\":\"Food\",\"date\":\"2026-01-01\"}");

        assertProblem(yenWithCents, 400, "validation");
        assertThat(yenWithCents.json().path("errors").get(0).path("message").asString())
                .isEqualTo("must be a whole number in JPY");
        assertThat(dinars.path("amount").asString()).isEqualTo("1.125");
        assertThat(yen.path("amount").asString()).isEqualTo("100");
    }

    @Test
    void reportsEveryInvalidFieldAtOnceAndStoresNothing() {
        String tooManyTags = "[" + "\"t\",".repeat(20) + "\"t\"]";
        ApiResponse response = create(
                token,
                "{\"amount\":\"-1\",\"currency\":\"XXY\",\"category\":\"" + "c".repeat(51) + "\",\"description\":\""
                        + "d".repeat(501) + "\",\"date\":\"1899-12-31\",\"tags\":" + tooManyTags + "}");

        assertProblem(response, 400, "validation");
        assertThat(invalidFields(response))
                .containsExactlyInAnyOrder("currency", "category", "description", "date", "tags");
        assertThat(countExpenses()).isZero();
    }

    @Test
    void amountRules() {
        assertThat(invalidFields(create(token, expense("0", "Food", "2026-01-01"))))
                .containsExactly("amount");
        assertThat(invalidFields(create(token, expense("1.234", "Food", "2026-01-01"))))
                .containsExactly("amount");
        assertThat(invalidFields(create(token, expense("1000000000000.01", "Food", "2026-01-01"))))
                .containsExactly("amount");
        assertThat(invalidFields(create(token, expense("abc", "Food", "2026-01-01"))))
                .containsExactly("amount");
        assertThat(created(token, expense("1000000000000", "Food", "2026-01-01"))
                        .path("amount")
                        .asString())
                .isEqualTo("1000000000000.00");
        assertThat(created(token, expense("1.20", "Food", "2026-01-01"))
                        .path("amount")
                        .asString())
                .isEqualTo("1.20");
    }

    @Test
    void dateMustBeSinceNineteenHundredAndAtMostAYearAhead() {
        String nextYearPlus = LocalDate.now().plusYears(1).plusDays(2).toString();
        String nextYear = LocalDate.now().plusYears(1).minusDays(1).toString();

        assertThat(invalidFields(create(token, expense("1", "Food", nextYearPlus))))
                .containsExactly("date");
        assertThat(invalidFields(create(token, expense("1", "Food", "2026-02-30"))))
                .containsExactly("date");
        assertThat(create(token, expense("1", "Food", nextYear)).status()).isEqualTo(201);
        assertThat(create(token, expense("1", "Food", "1900-01-01")).status()).isEqualTo(201);
    }

    @Test
    void tagsMayNotHoldTheCsvTagSeparator() {
        ApiResponse response = create(
                token, "{\"amount\":\"1\",\"category\":\"Food\",\"date\":\"2026-01-01\",\"tags\":[\"ok\",\"a;b\"]}");

        assertProblem(response, 400, "validation");
        assertThat(invalidFields(response)).containsExactly("tags[1]");
    }

    @Test
    void missingRequiredFieldsAndUnknownFieldsAreRejected() {
        assertThat(invalidFields(create(token, "{}"))).containsExactlyInAnyOrder("amount", "category", "date");
        assertThat(invalidFields(create(
                        token,
                        "{\"amount\":\"1\",\"category\":\"Food\",\"date\":\"2026-01-01\"," + "\"userId\":\""
                                + UUID.randomUUID() + "\"}")))
                .containsExactly("userId");
    }

    @Test
    void readsAnExpenseWithItsETag() {
        JsonNode created = created(token, expense("3.10", "Transport", "2026-11-01"));

        ApiResponse read = api.get("/expenses/" + created.path("id").asString())
                .bearer(token)
                .send();
        ApiResponse unchanged = api.get("/expenses/" + created.path("id").asString())
                .bearer(token)
                .header("If-None-Match", "\"1\"")
                .send();

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(created);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        assertThat(unchanged.status()).isEqualTo(304);
    }

    @Test
    void replacesAnExpenseAndBumpsItsVersion() {
        String id = created(token, expense("3.10", "Transport", "2026-11-01"))
                .path("id")
                .asString();

        ApiResponse replaced = api.put("/expenses/" + id)
                .bearer(token)
                .header("If-Match", "\"1\"")
                .json("{\"amount\":\"4\",\"category\":\"Travel\",\"date\":\"2026-11-02\",\"tags\":[\"trip\"]}")
                .send();

        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.header("ETag")).isEqualTo("\"2\"");
        assertThat(replaced.json().path("amount").asString()).isEqualTo("4.00");
        assertThat(replaced.json().path("category").asString()).isEqualTo("Travel");
        assertThat(replaced.json().path("description").isNull()).isTrue();
        assertThat(replaced.json().path("version").asInt()).isEqualTo(2);
    }

    @Test
    void patchChangesOnlyWhatItNames() {
        String id = created(
                        token,
                        "{\"amount\":\"9.99\",\"currency\":\"EUR\",\"category\":\"Shopping\","
                                + "\"description\":\"Book\",\"date\":\"2026-10-10\",\"tags\":[\"gift\"]}")
                .path("id")
                .asString();

        ApiResponse patched = api.patch("/expenses/" + id)
                .bearer(token)
                .body("application/merge-patch+json", "{\"amount\":\"10.49\",\"tags\":null}")
                .send();

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        JsonNode expense = patched.json();
        assertThat(expense.path("amount").asString()).isEqualTo("10.49");
        assertThat(expense.path("currency").asString()).isEqualTo("EUR");
        assertThat(expense.path("description").asString()).isEqualTo("Book");
        assertThat(expense.path("tags").toString()).isEqualTo("[]");
        assertThat(expense.path("version").asInt()).isEqualTo(2);
    }

    @Test
    void invalidPatchChangesNothing() {
        String id = created(token, expense("9.99", "Shopping", "2026-10-10"))
                .path("id")
                .asString();

        ApiResponse patched = api.patch("/expenses/" + id)
                .bearer(token)
                .body("application/merge-patch+json", "{\"amount\":\"0\",\"date\":null}")
                .send();

        assertProblem(patched, 400, "validation");
        assertThat(invalidFields(patched)).containsExactlyInAnyOrder("amount", "date");
        assertThat(api.get("/expenses/" + id)
                        .bearer(token)
                        .send()
                        .json()
                        .path("version")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void staleETagIsRefusedOnEveryWrite() {
        String id =
                created(token, expense("1", "Food", "2026-01-01")).path("id").asString();
        api.patch("/expenses/" + id).bearer(token).json("{\"amount\":\"2\"}").send();

        ApiResponse stalePut = api.put("/expenses/" + id)
                .bearer(token)
                .header("If-Match", "\"1\"")
                .json(expense("3", "Food", "2026-01-01"))
                .send();
        ApiResponse stalePatch = api.patch("/expenses/" + id)
                .bearer(token)
                .header("If-Match", "\"1\"")
                .json("{\"amount\":\"3\"}")
                .send();
        ApiResponse staleDelete = api.delete("/expenses/" + id)
                .bearer(token)
                .header("If-Match", "\"1\"")
                .send();
        ApiResponse weakTag = api.delete("/expenses/" + id)
                .bearer(token)
                .header("If-Match", "W/\"2\"")
                .send();

        assertProblem(stalePut, 412, "precondition-failed");
        assertThat(stalePut.header("ETag")).isEqualTo("\"2\"");
        assertProblem(stalePatch, 412, "precondition-failed");
        assertProblem(staleDelete, 412, "precondition-failed");
        assertProblem(weakTag, 412, "precondition-failed");
        assertThat(api.get("/expenses/" + id)
                        .bearer(token)
                        .send()
                        .json()
                        .path("amount")
                        .asString())
                .isEqualTo("2.00");
    }

    @Test
    void deletesAnExpense() {
        String id =
                created(token, expense("1", "Food", "2026-01-01")).path("id").asString();

        ApiResponse deleted = api.delete("/expenses/" + id)
                .bearer(token)
                .header("If-Match", "\"1\"")
                .send();

        assertThat(deleted.status()).isEqualTo(204);
        assertProblem(api.get("/expenses/" + id).bearer(token).send(), 404, "not-found");
        assertProblem(api.delete("/expenses/" + id).bearer(token).send(), 404, "not-found");
    }

    @Test
    void anotherUsersExpenseDoesNotExistOnEveryVerb() {
        String id =
                created(token, expense("1", "Food", "2026-01-01")).path("id").asString();
        String intruder = TestTokens.user(UUID.randomUUID());

        assertProblem(api.get("/expenses/" + id).bearer(intruder).send(), 404, "not-found");
        assertProblem(
                api.put("/expenses/" + id)
                        .bearer(intruder)
                        .json(expense("2", "Food", "2026-01-01"))
                        .send(),
                404,
                "not-found");
        assertProblem(
                api.patch("/expenses/" + id)
                        .bearer(intruder)
                        .json("{\"amount\":\"2\"}")
                        .send(),
                404,
                "not-found");
        assertProblem(api.delete("/expenses/" + id).bearer(intruder).send(), 404, "not-found");
        assertThat(api.get("/expenses").bearer(intruder).send().json().size()).isZero();
        assertThat(api.get("/expenses/" + id)
                        .bearer(token)
                        .send()
                        .json()
                        .path("amount")
                        .asString())
                .isEqualTo("1.00");
    }

    @Test
    void everyEndpointNeedsAUserToken() {
        assertProblem(api.get("/expenses").send(), 401, "unauthorized");
        assertProblem(
                api.post("/expenses").json(expense("1", "Food", "2026-01-01")).send(), 401, "unauthorized");
        assertProblem(api.get("/categories").send(), 401, "unauthorized");
        assertProblem(api.get("/expenses/summary").send(), 401, "unauthorized");
        assertProblem(
                api.get("/expenses")
                        .bearer(TestTokens.service("analytics-service"))
                        .send(),
                403,
                "forbidden");
    }

    private int countExpenses() {
        return jdbc.sql("select count(*) from expenses where user_id = :user")
                .param("user", userId)
                .query(Integer.class)
                .single();
    }
}
