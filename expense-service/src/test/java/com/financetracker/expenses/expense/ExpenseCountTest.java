package com.financetracker.expenses.expense;

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
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The total of an unfiltered list and each category's number of expenses come from the counts the database keeps;
 * they must always be the real counts.
 */
class ExpenseCountTest extends ExpenseServiceTest {

    @Test
    void theTotalFollowsCreatesImportsAndDeletes() {
        String first =
                created(token, expense("1", "Food", "2026-01-01")).path("id").asString();
        created(token, expense("2", "Food", "2026-01-02"));
        String other = TestTokens.user(UUID.randomUUID());
        created(other, expense("9", "Food", "2026-01-01"));
        ApiResponse imported = api.post("/expenses/import")
                .bearer(token)
                .body("text/csv", "date,amount,category\n2026-02-01,1,Food\n2026-02-02,2,Food\n2026-02-03,3,Pets\n")
                .send();
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        ApiResponse deleted = api.delete("/expenses/" + first).bearer(token).send();
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);

        assertThat(total(token)).isEqualTo("4").isEqualTo(Long.toString(countedByScan(userId)));
        assertThat(total(other)).isEqualTo("1");
    }

    @Test
    void concurrentCreatesOfOneUserAreAllCounted() throws Exception {
        int writers = 8;
        int each = 15;
        List<Future<Integer>> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            for (int i = 0; i < writers * each; i++) {
                String body = expense(Integer.toString(i + 1), "Food", "2026-03-01");
                statuses.add(pool.submit(() -> create(token, body).status()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(201);
            }
        }

        assertThat(countedByScan(userId)).isEqualTo(writers * each);
        assertThat(total(token)).isEqualTo(Integer.toString(writers * each));
    }

    @Test
    void theMigrationCountsTheExpensesThatAlreadyExist() {
        String url = EmbeddedPostgresServer.createDatabase();
        SimpleDriverDataSource dataSource =
                new SimpleDriverDataSource(new org.postgresql.Driver(), url, "postgres", "");
        Flyway.configure().dataSource(dataSource).target("1").load().migrate();
        JdbcClient database = JdbcClient.create(dataSource);
        UUID user = UUID.randomUUID();
        UUID category = database.sql("insert into categories (user_id, name) values (:user, 'Food') returning id")
                .param("user", user)
                .query(UUID.class)
                .single();
        database.sql("""
                        insert into expenses (user_id, amount, currency, category_id, expense_date, fingerprint)
                        select :user, n, 'EUR', :category, date '2026-01-01', int4send(n)
                          from generate_series(1, 7) as n
                        """).param("user", user).param("category", category).update();

        Flyway.configure().dataSource(dataSource).load().migrate();

        assertThat(database.sql("select sum(expenses) from expense_counts where user_id = :user")
                        .param("user", user)
                        .query(Long.class)
                        .single())
                .isEqualTo(7);
        assertThat(database.sql("select sum(expenses) from category_counts where category_id = :category")
                        .param("category", category)
                        .query(Long.class)
                        .single())
                .isEqualTo(7);
    }

    @Test
    void eachCategorysCountFollowsCreatesEditsMovesImportsAndDeletes() throws Exception {
        String lunch =
                created(token, expense("1", "Food", "2026-01-01")).path("id").asString();
        String taxi = created(token, expense("2", "Transport", "2026-01-02"))
                .path("id")
                .asString();
        created(token, expense("3", "Food", "2026-01-03"));
        api.post("/expenses/import")
                .bearer(token)
                .body("text/csv", "date,amount,category\n2026-02-01,1,Pets\n2026-02-02,2,Food\n")
                .send();
        // an edit that keeps the category, one that moves the expense, and a delete
        api.patch("/expenses/" + lunch)
                .bearer(token)
                .body("application/merge-patch+json", "{\"amount\":\"5\"}")
                .send();
        api.patch("/expenses/" + taxi)
                .bearer(token)
                .body("application/merge-patch+json", "{\"category\":\"Pets\"}")
                .send();
        api.delete("/expenses/" + lunch).bearer(token).send();
        // a category deleted with its expenses moved to another
        String pets = categoryId("Pets");
        ApiResponse moved = api.delete("/categories/" + pets + "?reassignTo=" + categoryId("Food"))
                .bearer(token)
                .send();
        assertThat(moved.status()).as(moved.body()).isEqualTo(204);
        List<Future<Integer>> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 20; i++) {
                String body = expense(Integer.toString(i + 1), i % 2 == 0 ? "Food" : "Health", "2026-03-01");
                statuses.add(pool.submit(() -> create(token, body).status()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(201);
            }
        }

        ApiResponse categories = api.get("/categories").bearer(token).send();
        assertThat(categories.status()).isEqualTo(200);
        for (var category : categories.json()) {
            assertThat(category.path("expenseCount").asLong())
                    .as(category.path("name").asString())
                    .isEqualTo(countedByScanIn(category.path("id").asString()));
        }
        assertThat(countedByScanIn(categoryId("Food"))).isEqualTo(14);
    }

    private String categoryId(String name) {
        for (var category : api.get("/categories").bearer(token).send().json()) {
            if (category.path("name").asString().equals(name)) {
                return category.path("id").asString();
            }
        }
        throw new AssertionError("no category " + name);
    }

    private long countedByScanIn(String category) {
        return jdbc.sql("select count(*) from expenses where category_id = cast(:category as uuid)")
                .param("category", category)
                .query(Long.class)
                .single();
    }

    private String total(String token) {
        ApiResponse response = api.get("/expenses").bearer(token).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.header("X-Total-Count");
    }

    private long countedByScan(UUID user) {
        return jdbc.sql("select count(*) from expenses where user_id = :user")
                .param("user", user)
                .query(Long.class)
                .single();
    }
}
