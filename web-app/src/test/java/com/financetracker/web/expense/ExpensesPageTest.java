package com.financetracker.web.expense;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.web.Browser;
import com.financetracker.web.FakeServices.Mode;
import com.financetracker.web.WebAppTest;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExpensesPageTest extends WebAppTest {

    @Test
    void listsFiftyAtATimeAndLoadsMoreByCursor() {
        signedIn();
        for (int i = 1; i <= 60; i++) {
            add(i + ".00", "Item " + i, "Food");
        }

        Browser.Page first = browser.get("/expenses");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.text("#expense-count")).isEqualTo("60 expenses");
        assertThat(first.document().select("#expense-list .expense")).hasSize(50);
        String more = first.document().selectFirst("#load-more button").attr("hx-get");
        assertThat(more).startsWith("/expenses/rows?cursor=");

        Browser.Page next = browser.htmxGet(more);

        assertThat(next.document().select("ul[hx-swap-oob='beforeend:#expense-list'] .expense"))
                .hasSize(10);
        assertThat(next.document().select("#load-more button")).isEmpty();
    }

    @Test
    void filtersByTextAndKeepsTheFilterInTheAddress() {
        signedIn();
        add("12.50", "Lunch", "Food");
        add("30.00", "Taxi", "Transport");

        Browser.Page results = browser.htmxGet("/expenses/results?q=taxi");

        assertThat(results.text("#expense-count")).isEqualTo("1 expense");
        assertThat(results.text("#expense-list .description")).isEqualTo("Taxi");
        assertThat(results.header("HX-Push-Url")).isEqualTo("/expenses?q=taxi");
        assertThat(results.document().selectFirst("a[download]").attr("href")).isEqualTo("/expenses/export?q=taxi");
    }

    @Test
    void aFilterTheServiceRefusesIsExplainedNextToItsField() {
        signedIn();

        Browser.Page refused = browser.get("/expenses?minAmount=lots");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("#f-min-error")).isEqualTo("Minimum amount must be a number.");
        assertThat(refused.document().selectFirst("details.filters").hasAttr("open"))
                .isTrue();
    }

    @Test
    void editsInPlace() {
        signedIn();
        String id = add("12.50", "Lunch", "Food");

        Browser.Page form = browser.htmxGet("/expenses/" + id + "/edit");
        assertThat(form.document().selectFirst("input[name=amount]").attr("value"))
                .isEqualTo("12.50");
        String version = form.document().selectFirst("input[name=version]").attr("value");

        Browser.Page saved = browser.htmxPost(
                "/expenses/" + id,
                "amount",
                "15",
                "currency",
                "USD",
                "category",
                "Food",
                "description",
                "Lunch",
                "date",
                "2026-11-20",
                "tags",
                "work, team",
                "version",
                version);

        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.text(".amount")).isEqualTo("$15.00");
        assertThat(saved.document().select(".tag").eachText()).containsExactly("work", "team");
        assertThat(account().expenses.get(id).path("amount").asString()).isEqualTo("15");
    }

    @Test
    void anEditOfAnExpenseChangedMeanwhileShowsTheLatestVersion() {
        signedIn();
        String id = add("12.50", "Lunch", "Food");
        browser.get("/expenses");

        Browser.Page conflict = browser.htmxPost(
                "/expenses/" + id,
                "amount",
                "15",
                "currency",
                "USD",
                "category",
                "Food",
                "date",
                "2026-11-20",
                "version",
                "7");

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.text(".alert")).startsWith("This expense was changed elsewhere meanwhile.");
        assertThat(account().expenses.get(id).path("amount").asString()).isEqualTo("12.50");
    }

    @Test
    void anInvalidEditIsExplainedNextToTheField() {
        signedIn();
        String id = add("12.50", "Lunch", "Food");
        browser.get("/expenses");

        Browser.Page refused = browser.htmxPost(
                "/expenses/" + id,
                "amount",
                "0",
                "currency",
                "USD",
                "category",
                "Food",
                "date",
                "2026-11-20",
                "version",
                "1");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("#edit-" + id + "-amount-error")).startsWith("Amount must be greater than 0");
    }

    @Test
    void aDeletedExpenseComesBackWithUndoOnceHoweverOftenUndoIsPressed() {
        signedIn();
        String id = add("7.25", "Coffee", "Food");
        browser.get("/expenses");

        Browser.Page deleted = browser.htmxDelete("/expenses/" + id);

        assertThat(deleted.text("li.deleted [role=status]")).isEqualTo("Deleted Coffee, $7.25.");
        assertThat(account().expenses).isEmpty();
        String key = deleted.document().selectFirst("input[name=key]").attr("value");
        String restore = deleted.document().selectFirst("input[name=restore]").attr("value");

        Browser.Page restored = browser.htmxPost("/expenses/restore", "mode", "single", "key", key, "restore", restore);
        browser.htmxPost("/expenses/restore", "mode", "single", "key", key, "restore", restore);

        assertThat(restored.text(".description")).isEqualTo("Coffee");
        assertThat(account().expenses.values()).singleElement().satisfies(expense -> {
            assertThat(expense.path("amount").asString()).isEqualTo("7.25");
            assertThat(expense.path("category").asString()).isEqualTo("Food");
        });
    }

    @Test
    void selectedExpensesAreMovedOrDeletedTogether() {
        signedIn();
        String lunch = add("12.50", "Lunch", "Food");
        String taxi = add("30.00", "Taxi", "Transport");
        add("5.00", "Tea", "Food");
        browser.get("/expenses");

        Browser.Page moved =
                browser.htmxPost("/expenses/bulk", "id", lunch, "id", taxi, "action", "move", "moveTo", "Housing");

        assertThat(moved.text(".notice")).isEqualTo("2 expenses moved to Housing.");
        assertThat(moved.header("HX-Trigger")).isEqualTo("expenses-changed");
        assertThat(account().expenses.get(taxi).path("category").asString()).isEqualTo("Housing");

        Browser.Page deleted = browser.htmxPost("/expenses/bulk", "id", lunch, "id", taxi, "action", "delete");

        assertThat(deleted.text(".notice span")).isEqualTo("2 expenses deleted.");
        assertThat(account().expenses).hasSize(1);
        assertThat(deleted.document().select("input[name=restore]")).hasSize(2);
    }

    @Test
    void aBulkActionWithoutASelectionAsksForOne() {
        signedIn();
        browser.get("/expenses");

        Browser.Page refused = browser.htmxPost("/expenses/bulk", "action", "delete");

        assertThat(refused.text(".alert")).isEqualTo("Select the expenses first, with the boxes in the list.");
    }

    @Test
    void exportsTheSelectionAsCsv() {
        signedIn();
        add("12.50", "Lunch", "Food");
        add("30.00", "Taxi", "Transport");

        Browser.Page csv = browser.get("/expenses/export?category=Food");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"expenses.csv\"");
        assertThat(csv.body().lines().toList())
                .containsExactly("date,amount,currency,category,description,tags", "2026-11-20,12.50,USD,Food,Lunch,");
    }

    @Test
    void anExpenseThatNoLongerExistsIsSaidInASentence() {
        signedIn();

        Browser.Page missing = browser.htmxGet("/expenses/" + UUID.randomUUID() + "/edit");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("HX-Retarget")).isEqualTo("#flash");
        assertThat(missing.text(".alert")).isEqualTo("It no longer exists; it may have been deleted meanwhile.");
    }

    @Test
    void whenTheExpenseServiceIsDownTheListSaysSoAndTheFiltersStillShow() {
        signedIn();
        SERVICES.expenses.mode = Mode.DOWN;

        Browser.Page page = browser.get("/expenses");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text("#results .unavailable"))
                .isEqualTo("The expense service is unavailable right now; try again in a moment.");
        assertThat(page.document().selectFirst("#filters")).isNotNull();
    }

    private String add(String amount, String description, String category) {
        browser.get("/");
        Browser.Page added = browser.htmxPost(
                "/quick-add",
                "amount",
                amount,
                "currency",
                "USD",
                "category",
                category,
                "description",
                description,
                "date",
                LocalDate.of(2026, 11, 20).toString(),
                "idempotencyKey",
                UUID.randomUUID().toString());
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        return added.document().selectFirst("ul[hx-swap-oob] li").id().substring("expense-".length());
    }
}
