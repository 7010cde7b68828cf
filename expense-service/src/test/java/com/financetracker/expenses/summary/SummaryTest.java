package com.financetracker.expenses.summary;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.expenses.ExpenseServiceTest;
import com.financetracker.platform.test.ApiResponse;
import com.financetracker.platform.test.EmbeddedPostgresServer;
import com.financetracker.platform.test.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import tools.jackson.databind.JsonNode;

class SummaryTest extends ExpenseServiceTest {

    @Test
    void groupsByCategoryByDefault() {
        created(token, expense("10", "Food", "2026-01-01"));
        created(token, expense("5.50", "food", "2026-02-01"));
        created(token, expense("20", "Travel", "2026-01-03"));

        ApiResponse response = summary("");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("from").isNull()).isTrue();
        assertThat(response.json().path("to").isNull()).isTrue();
        assertThat(groups(response)).containsExactly("Food USD 15.50 2 7.75", "Travel USD 20.00 1 20.00");
        assertThat(groups(summary("?groupBy=category"))).isEqualTo(groups(response));
    }

    @Test
    void totalsPerCurrencyAreNeverMixed() {
        created(token, withCurrency("10", "EUR", "Food", "2026-01-01"));
        created(token, withCurrency("2.50", "EUR", "Food", "2026-01-02"));
        created(token, withCurrency("3", "USD", "Food", "2026-01-03"));
        created(token, withCurrency("500", "JPY", "Food", "2026-01-04"));

        ApiResponse response = summary("");

        assertThat(groups(response))
                .containsExactlyInAnyOrder("Food EUR 12.50 2 6.25", "Food USD 3.00 1 3.00", "Food JPY 500 1 500");
    }

    @Test
    void addsExactDecimals() {
        created(token, expense("0.10", "Food", "2026-01-01"));
        created(token, expense("0.20", "Food", "2026-01-02"));

        assertThat(groups(summary(""))).containsExactly("Food USD 0.30 2 0.15");
    }

    @Test
    void averagesAreRoundedHalfEvenToTheCurrencysDigits() {
        // 0.01 + 0.02 = 0.03 over 2 = 0.015, half-even to 0.02; 0.01 + 0.04 = 0.05 over 2 = 0.025, to 0.02
        created(token, expense("0.01", "Food", "2026-01-01"));
        created(token, expense("0.02", "Food", "2026-01-02"));
        created(token, expense("0.01", "Travel", "2026-01-01"));
        created(token, expense("0.04", "Travel", "2026-01-02"));
        // 1 + 2 = 3 yen over 2 = 1.5, to 2; 3 + 2 + 2 = 7 dinars over 3 = 2.333…, to 2.333
        created(token, withCurrency("1", "JPY", "Health", "2026-01-01"));
        created(token, withCurrency("2", "JPY", "Health", "2026-01-02"));
        created(token, withCurrency("3", "KWD", "Shopping", "2026-01-01"));
        created(token, withCurrency("2", "KWD", "Shopping", "2026-01-02"));
        created(token, withCurrency("2", "KWD", "Shopping", "2026-01-03"));
        // 10 over 3 = 3.333…, to 3.33
        created(token, expense("3", "Other", "2026-01-01"));
        created(token, expense("3", "Other", "2026-01-02"));
        created(token, expense("4", "Other", "2026-01-03"));

        assertThat(groups(summary("")))
                .containsExactlyInAnyOrder(
                        "Food USD 0.03 2 0.02",
                        "Travel USD 0.05 2 0.02",
                        "Health JPY 3 2 2",
                        "Shopping KWD 7.000 3 2.333",
                        "Other USD 10.00 3 3.33");
    }

    @Test
    void groupsByMonth() {
        created(token, expense("1", "Food", "2026-01-01"));
        created(token, expense("2", "Travel", "2026-01-31"));
        created(token, expense("4", "Food", "2026-02-01"));
        created(token, expense("8", "Food", "2025-12-31"));

        assertThat(groups(summary("?groupBy=month")))
                .containsExactly("2025-12 USD 8.00 1 8.00", "2026-01 USD 3.00 2 1.50", "2026-02 USD 4.00 1 4.00");
    }

    @Test
    void groupsByIsoWeek() {
        created(token, expense("1", "Food", "2026-11-16")); // Monday of week 47
        created(token, expense("2", "Food", "2026-11-22")); // its Sunday
        created(token, expense("4", "Food", "2026-11-23")); // week 48
        created(token, expense("8", "Food", "2021-01-03")); // a Sunday still in the last week of 2020
        created(token, expense("16", "Food", "2024-12-30")); // a Monday already in the first week of 2025

        assertThat(groups(summary("?groupBy=week")))
                .containsExactly(
                        "2020-W53 USD 8.00 1 8.00",
                        "2025-W01 USD 16.00 1 16.00",
                        "2026-W47 USD 3.00 2 1.50",
                        "2026-W48 USD 4.00 1 4.00");
    }

    @Test
    void groupsByDay() {
        created(token, expense("1", "Food", "2026-11-16"));
        created(token, expense("2", "Travel", "2026-11-16"));
        created(token, withCurrency("3", "EUR", "Food", "2026-11-16"));
        created(token, expense("4", "Food", "2026-11-17"));

        assertThat(groups(summary("?groupBy=day")))
                .containsExactly(
                        "2026-11-16 EUR 3.00 1 3.00", "2026-11-16 USD 3.00 2 1.50", "2026-11-17 USD 4.00 1 4.00");
    }

    @Test
    void groupsByTagCountingAnExpenseUnderEachOfItsTags() {
        created(token, withTags("10", "work", "travel"));
        created(token, withTags("20", "work"));
        created(token, withTags("40"));
        created(token, withTags("80"));

        ApiResponse response = summary("?groupBy=tag");

        assertThat(groups(response))
                .containsExactly("travel USD 10.00 1 10.00", "work USD 30.00 2 15.00", "null USD 120.00 2 60.00");
        JsonNode untagged = response.json().path("groups").get(2);
        assertThat(untagged.has("key")).isTrue();
        assertThat(untagged.path("key").isNull()).isTrue();
    }

    @Test
    void fromAndToLimitTheWindowIncludingBothEnds() {
        created(token, expense("1", "Food", "2026-01-31"));
        created(token, expense("2", "Food", "2026-02-01"));
        created(token, expense("4", "Food", "2026-02-28"));
        created(token, expense("8", "Food", "2026-03-01"));

        ApiResponse response = summary("?from=2026-02-01&to=2026-02-28");

        assertThat(response.json().path("from").asString()).isEqualTo("2026-02-01");
        assertThat(response.json().path("to").asString()).isEqualTo("2026-02-28");
        assertThat(groups(response)).containsExactly("Food USD 6.00 2 3.00");
        assertThat(groups(summary("?from=2026-02-28&groupBy=month")))
                .containsExactly("2026-02 USD 4.00 1 4.00", "2026-03 USD 8.00 1 8.00");
        assertThat(groups(summary("?to=2026-01-31"))).containsExactly("Food USD 1.00 1 1.00");
    }

    @Test
    void monthAndCategoryTotalsFollowEveryKindOfChange() {
        String a = id(withCurrency("10", "EUR", "Food", "2026-01-10"));
        String b = id(withCurrency("20", "EUR", "Food", "2026-01-20"));
        String c = id(withCurrency("5", "USD", "Travel", "2026-02-03"));
        String d = id(withCurrency("7", "EUR", "Food", "2026-02-14"));
        String e = id(withCurrency("1", "EUR", "Misc", "2026-03-01"));

        patch(b, "{\"amount\":\"25\"}");
        patch(c, "{\"date\":\"2026-03-03\"}");
        patch(d, "{\"currency\":\"USD\"}");
        patch(a, "{\"category\":\"Travel\"}");
        patch(e, "{\"description\":\"only the words change\"}");
        assertThat(api.delete("/expenses/" + e)
                        .bearer(token)
                        .header("If-Match", "\"2\"")
                        .send()
                        .status())
                .isEqualTo(204);
        ApiResponse imported = api.post("/expenses/import")
                .bearer(token)
                .body("text/csv", "date,amount,currency,category\n2026-04-02,3,EUR,Food\n2026-04-30,4,EUR,food\n")
                .send();
        assertThat(imported.json().path("imported").asInt()).as(imported.body()).isEqualTo(2);
        assertThat(api.delete("/categories/" + categoryId("Travel") + "?reassignTo=" + categoryId("Food"))
                        .bearer(token)
                        .send()
                        .status())
                .isEqualTo(204);

        assertThat(groups(summary("?groupBy=month")))
                .containsExactly(
                        "2026-01 EUR 35.00 2 17.50",
                        "2026-02 USD 7.00 1 7.00",
                        "2026-03 USD 5.00 1 5.00",
                        "2026-04 EUR 7.00 2 3.50");
        assertThat(groups(summary("?groupBy=category")))
                .containsExactly("Food EUR 42.00 4 10.50", "Food USD 12.00 2 6.00");
        assertThat(groups(summary("?groupBy=month&from=2026-01-15&to=2026-04-29")))
                .as("months cut by the window count only their days inside it")
                .containsExactly(
                        "2026-01 EUR 25.00 1 25.00",
                        "2026-02 USD 7.00 1 7.00",
                        "2026-03 USD 5.00 1 5.00",
                        "2026-04 EUR 3.00 1 3.00");
        assertThat(groups(summary("?from=2026-01-11&to=2026-03-31")))
                .containsExactly("Food EUR 25.00 1 25.00", "Food USD 12.00 2 6.00");
        assertThat(groups(summary("?from=2026-02-15&to=2026-03-02"))).isEmpty();
        assertThat(keptTotalsByMonth(userId)).isEqualTo(totalsByMonthFromScan(userId));
    }

    @Test
    void concurrentCreatesOfOneUserAreAllTotalled() throws Exception {
        int writers = 8;
        int each = 10;
        List<Future<Integer>> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            for (int i = 0; i < writers * each; i++) {
                String body =
                        withCurrency("1.25", i % 2 == 0 ? "EUR" : "USD", i % 3 == 0 ? "Food" : "Travel", "2026-03-01");
                statuses.add(pool.submit(() -> create(token, body).status()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(201);
            }
        }

        assertThat(groups(summary("?groupBy=month")))
                .containsExactly("2026-03 EUR 50.00 40 1.25", "2026-03 USD 50.00 40 1.25");
        assertThat(keptTotalsByMonth(userId)).isEqualTo(totalsByMonthFromScan(userId));
    }

    @Test
    void aMonthsTotalsSpreadOverSlotsAreAddedUpAndAMonthLeftWithoutExpensesIsLeftOut() {
        created(token, withCurrency("1", "EUR", "Food", "2026-05-01"));
        // what concurrent writes leave: a change counted in one slot, its undoing in another
        for (String month : List.of("2026-05-01", "2026-06-01")) {
            jdbc.sql("""
                            insert into expense_month_totals as t (user_id, month, currency, slot, total, expenses)
                            values (:user, cast(:month as date), 'EUR', 14, 7, 1),
                                   (:user, cast(:month as date), 'EUR', 15, -7, -1)
                            on conflict (user_id, month, currency, slot) do update
                                set total = t.total + excluded.total, expenses = t.expenses + excluded.expenses
                            """).param("user", userId).param("month", month).update();
        }

        assertThat(groups(summary("?groupBy=month"))).containsExactly("2026-05 EUR 1.00 1 1.00");
    }

    @Test
    void theMigrationTotalsTheExpensesThatAlreadyExistPerMonthAndCurrency() {
        String url = EmbeddedPostgresServer.createDatabase();
        SimpleDriverDataSource dataSource =
                new SimpleDriverDataSource(new org.postgresql.Driver(), url, "postgres", "");
        Flyway.configure().dataSource(dataSource).target("4").load().migrate();
        JdbcClient database = JdbcClient.create(dataSource);
        UUID user = UUID.randomUUID();
        for (String category : List.of("Food", "Travel")) {
            database.sql("""
                            with category as (insert into categories (user_id, name) values (:user, :name) returning id)
                            insert into expenses (user_id, amount, currency, category_id, expense_date, fingerprint)
                            select :user, n + 0.5, case when n % 2 = 0 then 'EUR' else 'USD' end, category.id,
                                   cast(date '2026-01-15' + n * interval '1 month' as date),
                                   int4send(n) || convert_to(:name, 'UTF8')
                              from category cross join generate_series(1, 3) as n
                            """).param("user", user).param("name", category).update();
        }

        Flyway.configure().dataSource(dataSource).load().migrate();

        assertThat(keptTotalsByMonth(database, user))
                .as("one row per month and currency, whatever the categories")
                .containsExactly("2026-02 USD 3 2", "2026-03 EUR 5 2", "2026-04 USD 7 2")
                .isEqualTo(totalsByMonthFromScan(database, user));
    }

    @Test
    void aNewUserHasNoGroups() {
        ApiResponse response = summary("?groupBy=month");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("groups").isArray()).isTrue();
        assertThat(response.json().path("groups").size()).isZero();
    }

    @Test
    void anotherUsersExpensesAreNotSummed() {
        created(TestTokens.user(UUID.randomUUID()), expense("100", "Food", "2026-01-01"));
        created(token, expense("1", "Food", "2026-01-01"));

        assertThat(groups(summary(""))).containsExactly("Food USD 1.00 1 1.00");
    }

    @Test
    void anUnknownGroupingIsABadRequest() {
        ApiResponse response = summary("?groupBy=year");

        assertProblem(response, 400, "validation");
        assertThat(invalidFields(response)).containsExactly("groupBy");
        assertProblem(summary("?groupBy=CATEGORY"), 400, "validation");
    }

    @Test
    void invalidWindowsAreBadRequests() {
        assertThat(invalidFields(summary("?from=2026-03-01&to=2026-02-01"))).containsExactly("to");
        assertThat(invalidFields(summary("?from=2026-13-01"))).containsExactly("from");
        assertThat(invalidFields(summary("?to=%2B999999999-01-01"))).containsExactly("to");
        assertProblem(summary("?from=yesterday"), 400, "validation");
    }

    private List<String> keptTotalsByMonth(UUID user) {
        return keptTotalsByMonth(jdbc, user);
    }

    private List<String> totalsByMonthFromScan(UUID user) {
        return totalsByMonthFromScan(jdbc, user);
    }

    /** The per-month totals the database keeps, its slots added up: "month currency total count". */
    private static List<String> keptTotalsByMonth(JdbcClient database, UUID user) {
        return database.sql("""
                        select concat_ws(' ', to_char(month, 'YYYY-MM'), currency, trim_scale(sum(total)),
                                         sum(expenses))
                          from expense_month_totals
                         where user_id = :user
                         group by month, currency
                        having sum(expenses) <> 0 or sum(total) <> 0
                         order by month, currency
                        """).param("user", user).query(String.class).list();
    }

    /** The same, counted from the expenses themselves. */
    private static List<String> totalsByMonthFromScan(JdbcClient database, UUID user) {
        return database.sql("""
                        select concat_ws(' ', to_char(date_trunc('month', expense_date), 'YYYY-MM'), currency,
                                         trim_scale(sum(amount)), count(*))
                          from expenses
                         where user_id = :user
                         group by date_trunc('month', expense_date), currency
                         order by date_trunc('month', expense_date), currency
                        """).param("user", user).query(String.class).list();
    }

    private String id(String expense) {
        return created(token, expense).path("id").asString();
    }

    private String categoryId(String name) {
        return api.get("/categories")
                .bearer(token)
                .send()
                .json()
                .valueStream()
                .filter(category -> category.path("name").asString().equals(name))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asString();
    }

    private void patch(String id, String patch) {
        ApiResponse response = api.patch("/expenses/" + id)
                .bearer(token)
                .header("If-Match", "\"1\"")
                .body("application/merge-patch+json", patch)
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private ApiResponse summary(String query) {
        return api.get("/expenses/summary" + query).bearer(token).send();
    }

    /** Each group as "key currency total count average", in the answer's order. */
    private static List<String> groups(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(response.json().path("groups").spliterator(), false)
                .map(group -> String.join(
                        " ",
                        group.path("key").isNull() ? "null" : group.path("key").asString(),
                        group.path("currency").asString(),
                        group.path("total").asString(),
                        Long.toString(group.path("count").asLong()),
                        group.path("average").asString()))
                .toList();
    }

    private static String withCurrency(String amount, String currency, String category, String date) {
        return "{\"amount\":\"%s\",\"currency\":\"%s\",\"category\":\"%s\",\"date\":\"%s\"}"
                .formatted(amount, currency, category, date);
    }

    private static String withTags(String amount, String... tags) {
        String list = tags.length == 0 ? "[]" : "[\"" + String.join("\",\"", tags) + "\"]";
        return "{\"amount\":\"%s\",\"category\":\"Food\",\"date\":\"2026-01-01\",\"tags\":%s}".formatted(amount, list);
    }
}
