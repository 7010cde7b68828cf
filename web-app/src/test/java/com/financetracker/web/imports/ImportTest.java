package com.financetracker.web.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.web.Browser;
import com.financetracker.web.WebAppTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

// calls answer within a second here; an import has the longer timeout of its own
@TestPropertySource(properties = "finance.webapp.calls.read-timeout=1s")
class ImportTest extends WebAppTest {

    static final String CSV = "date,amount,currency,category,description,tags\n"
            + "2026-11-02,4.20,USD,Food,Bakery,\n"
            + "2026-11-03,60.00,USD,Utilities,Electricity,\n"
            + "2026-11-04,oops,USD,Food,Broken,\n";

    @Test
    void aDryRunShowsWhatWouldHappenAndTheConfirmationImports() {
        signedIn();
        browser.get("/import");

        Browser.Page preview = browser.postMultipart("/import", "file", "november.csv", CSV);

        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.text("#import-count")).isEqualTo("2");
        assertThat(preview.text("#error-count")).isEqualTo("1");
        assertThat(preview.text("#import-errors tbody")).isEqualTo("4 amount must be a number");
        assertThat(account().expenses).as("a dry run stores nothing").isEmpty();
        String confirm =
                preview.document().selectFirst("form[action$=/confirm]").attr("action");

        Browser.Page done = browser.post(confirm);

        assertThat(done.status()).isEqualTo(200);
        assertThat(done.text(".notice")).isEqualTo("2 expenses were imported.");
        assertThat(account().expenses).hasSize(2);
        assertThat(browser.post(confirm).status())
                .as("an import is confirmed once")
                .isEqualTo(404);
    }

    @Test
    void anImportMayTakeLongerThanOtherCalls() {
        signedIn();
        browser.get("/import");
        SERVICES.importDelayMillis = 2_000;

        Browser.Page preview = browser.postMultipart("/import", "file", "november.csv", CSV);

        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.text("#import-count")).isEqualTo("2");
    }

    @Test
    void anotherSessionCannotConfirmSomeoneElsesUpload() {
        signedIn();
        browser.get("/import");
        String confirm = browser.postMultipart("/import", "file", "november.csv", CSV)
                .document()
                .selectFirst("form[action$=/confirm]")
                .attr("action");
        Browser other = new Browser(port);
        other.signUp("other-" + email, PASSWORD);
        other.get("/import");

        Browser.Page refused = other.post(confirm);

        assertThat(refused.status()).isEqualTo(404);
        assertThat(SERVICES.accountOf("other-" + email).expenses).isEmpty();
    }

    @Test
    void anEmptyUploadAsksForAFile() {
        signedIn();
        browser.get("/import");

        Browser.Page refused = browser.postMultipart("/import", "file", "empty.csv", "");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("#file-error")).isEqualTo("Choose a CSV file to import.");
    }
}
