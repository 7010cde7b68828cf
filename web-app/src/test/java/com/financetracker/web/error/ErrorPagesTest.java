package com.financetracker.web.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.web.Browser;
import com.financetracker.web.WebAppTest;
import org.junit.jupiter.api.Test;

class ErrorPagesTest extends WebAppTest {

    @Test
    void anUnknownAddressIsAPageNotJson() {
        signedIn();

        Browser.Page missing = browser.get("/no-such-page");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("text/html");
        assertThat(missing.text(".alert")).isEqualTo("There is no page here. Check the address.");
    }

    @Test
    void aMalformedIdIsExplainedWithoutAStackTrace() {
        signedIn();

        Browser.Page malformed = browser.get("/expenses/not-an-id/edit");

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.text(".alert")).isEqualTo("This link or form is not valid. Go back and try again.");
        assertThat(malformed.body()).doesNotContain("Exception").doesNotContain("at com.");
    }

    @Test
    void assetsAreVersionedAndCachedForAYear() {
        Browser.Page login = browser.get("/login");
        String css = login.document().selectFirst("link[rel=stylesheet]").attr("href");
        String htmx = login.document().selectFirst("script[src*=htmx]").attr("src");

        assertThat(css).matches("/css/app-[0-9a-f]{32}\\.css");
        assertThat(htmx).matches("/webjars/htmx\\.org/[0-9.]+/dist/htmx\\.min\\.js");
        for (String asset : new String[] {css, htmx}) {
            Browser.Page file = browser.get(asset);
            assertThat(file.status()).as(asset).isEqualTo(200);
            assertThat(file.header("Cache-Control")).as(asset).contains("max-age=31536000");
        }
    }
}
