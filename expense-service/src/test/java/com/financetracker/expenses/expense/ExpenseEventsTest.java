package com.financetracker.expenses.expense;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.expenses.ExpenseServiceTest;
import com.financetracker.platform.test.ApiResponse;
import com.financetracker.platform.test.TestTokens;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every change to an expense or a category is recorded for the insights service in the same transaction. */
class ExpenseEventsTest extends ExpenseServiceTest {

    @Test
    void creatingChangingAndDeletingAnExpenseRecordsOneEventEach() {
        String id = created(token, expense("12.50", "Food", "2026-11-20"))
                .path("id")
                .asString();
        ApiResponse patched = api.patch("/expenses/" + id)
                .bearer(token)
                .header("If-Match", "\"1\"")
                .body("application/merge-patch+json", "{\"category\":\"Eating out\",\"description\":\"Lunch\"}")
                .send();
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(api.delete("/expenses/" + id)
                        .bearer(token)
                        .header("If-Match", "\"2\"")
                        .send()
                        .status())
                .isEqualTo(204);

        List<Event> events = events();
        assertThat(events)
                .extracting(Event::type)
                .containsExactly("expense.created", "expense.updated", "expense.deleted");
        assertThat(events.get(0).payload().path("category").asString()).isEqualTo("Food");
        assertThat(events.get(0).payload().path("version").asInt()).isEqualTo(1);
        assertThat(events.get(1).payload().path("category").asString()).isEqualTo("Eating out");
        assertThat(events.get(1).payload().path("description").asString()).isEqualTo("Lunch");
        assertThat(events.get(1).payload().path("version").asInt()).isEqualTo(2);
        assertThat(events.get(2).payload().path("expenseId").asString()).isEqualTo(id);
        assertThat(events.get(2).payload().path("version").asInt())
                .as("one more than the deleted version")
                .isEqualTo(3);
        assertThat(events).allMatch(event -> event.key().equals(userId.toString()));
    }

    @Test
    void aRefusedWriteRecordsNothing() {
        String id = created(token, expense("12.50", "Food", "2026-11-20"))
                .path("id")
                .asString();

        ApiResponse stale = api.delete("/expenses/" + id)
                .bearer(token)
                .header("If-Match", "\"7\"")
                .send();

        assertThat(stale.status()).isEqualTo(412);
        assertThat(events()).extracting(Event::type).containsExactly("expense.created");
    }

    @Test
    void anImportRecordsOneCreatedEventPerNewExpenseInTheFilesOrder() {
        String csv = "date,amount,currency,category,description,tags\n"
                + "2026-01-05,12.50,EUR,Food,Lunch,\n2026-01-06,3,EUR,Transport,Bus,\n2026-01-07,9,EUR,Fun,Cinema,\n";
        assertThat(api.post("/expenses/import")
                        .bearer(token)
                        .body("text/csv", csv)
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/expenses/import")
                        .bearer(token)
                        .body("text/csv", csv)
                        .send()
                        .status())
                .isEqualTo(200);

        assertThat(events())
                .as("the second import of the same file adds nothing, so tells nothing")
                .extracting(event ->
                        event.type() + " " + event.payload().path("description").asString())
                .containsExactly("expense.created Lunch", "expense.created Bus", "expense.created Cinema");
    }

    @Test
    void renamingACategoryAndMergingItIntoAnotherAreRecorded() {
        created(token, expense("5", "Pets", "2026-11-20"));
        UUID pets = categoryId("Pets");
        UUID other = categoryId("Other");
        assertThat(api.patch("/categories/" + pets)
                        .bearer(token)
                        .body("application/merge-patch+json", "{\"name\":\"Animals\"}")
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(api.delete("/categories/" + pets + "?reassignTo=" + other)
                        .bearer(token)
                        .send()
                        .status())
                .isEqualTo(204);

        List<Event> events = events();
        assertThat(events)
                .extracting(Event::type)
                .containsExactly("expense.created", "category.renamed", "category.merged");
        assertThat(events.get(1).payload().path("from").asString()).isEqualTo("Pets");
        assertThat(events.get(1).payload().path("to").asString()).isEqualTo("Animals");
        assertThat(events.get(2).payload().path("from").asString()).isEqualTo("Animals");
        assertThat(events.get(2).payload().path("into").asString()).isEqualTo("Other");
    }

    @Test
    void servicesReadEveryExpensePageByPage() {
        created(token, expense("1", "Food", "2026-11-20"));
        created(token, expense("2", "Food", "2026-11-21"));
        created(token, expense("3", "Food", "2026-11-22"));
        String service = TestTokens.service("insights-service");

        List<String> seen = new java.util.ArrayList<>();
        String after = null;
        do {
            ApiResponse page = api.get("/internal/expenses?limit=2" + (after == null ? "" : "&after=" + after))
                    .bearer(service)
                    .send();
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().path("expenses").forEach(expense -> {
                if (expense.path("userId").asString().equals(userId.toString())) {
                    seen.add(
                            expense.path("description").isNull()
                                    ? expense.path("date").asString()
                                    : "?");
                }
            });
            JsonNode next = page.json().path("next");
            after = next.isNull() ? null : next.asString();
        } while (after != null);

        assertThat(seen).containsExactly("2026-11-20", "2026-11-21", "2026-11-22");
        assertThat(api.get("/internal/expenses").bearer(token).send().status())
                .as("people may not read everyone's expenses")
                .isEqualTo(403);
        assertThat(api.get("/internal/expenses?limit=0").bearer(service).send().status())
                .isEqualTo(400);
    }

    @Test
    void onlyTheInsightsServiceReadsEveryonesExpenses() {
        created(token, expense("1", "Food", "2026-11-20"));

        for (String service : List.of("web-app", "analytics-service", "user-service", "expense-service")) {
            ApiResponse refused = api.get("/internal/expenses")
                    .bearer(TestTokens.service(service))
                    .send();

            assertThat(refused.status()).as(service + ": " + refused.body()).isEqualTo(403);
            assertThat(refused.json().path("type").asString()).isEqualTo("urn:finance-tracker:problem:forbidden");
            assertThat(refused.body()).doesNotContain(userId.toString());
        }
        // the insights service reads everyone's expenses a page at a time, oldest first: this one is on the last page
        String query = "?limit=5000";
        boolean seen = false;
        while (!seen && query != null) {
            ApiResponse insights = api.get("/internal/expenses" + query)
                    .bearer(TestTokens.service("insights-service"))
                    .send();
            assertThat(insights.status()).as(insights.body()).isEqualTo(200);
            seen = insights.body().contains(userId.toString());
            JsonNode next = insights.json().path("next");
            query = next.isNull() || next.isMissingNode() ? null : "?limit=5000&after=" + next.asString();
        }
        assertThat(seen).as("the insights service reads this person's expense").isTrue();
    }

    private UUID categoryId(String name) {
        return jdbc.sql("select id from categories where user_id = :user and name = :name")
                .param("user", userId)
                .param("name", name)
                .query(UUID.class)
                .single();
    }

    private List<Event> events() {
        return jdbc.sql("""
                        select event_type, event_key, payload::text as payload from platform.outbox
                         where event_type <> 'usage.report' and (payload ->> 'userId') = :user
                         order by id
                        """)
                .param("user", userId.toString())
                .query((rs, row) -> new Event(
                        rs.getString("event_type"),
                        rs.getString("event_key"),
                        tools.jackson.databind.json.JsonMapper.builder().build().readTree(rs.getString("payload"))))
                .list();
    }

    private record Event(String type, String key, JsonNode payload) {}
}
