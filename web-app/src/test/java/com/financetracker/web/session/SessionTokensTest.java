package com.financetracker.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.web.Browser;
import com.financetracker.web.WebAppTest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class SessionTokensTest extends WebAppTest {

    @Test
    void twoTabsWithAnExpiredAccessTokenRefreshItOnce() throws Exception {
        signedIn();
        expireStoredAccessToken();
        SERVICES.refreshDelayMillis = 300;
        int before = SERVICES.refreshCalls.get();

        List<Browser.Page> pages;
        try (var tabs = Executors.newFixedThreadPool(2)) {
            var first = CompletableFuture.supplyAsync(() -> browser.get("/"), tabs);
            var second = CompletableFuture.supplyAsync(() -> browser.get("/expenses"), tabs);
            pages = List.of(first.get(), second.get());
        }

        assertThat(pages)
                .allSatisfy(page -> assertThat(page.status()).as(page.body()).isEqualTo(200));
        assertThat(SERVICES.refreshCalls.get() - before).isEqualTo(1);
        assertThat(browser.get("/categories").status())
                .as("the new refresh token, kept by the first refresh, still works")
                .isEqualTo(200);
    }

    @Test
    void anAccessTokenAServiceRejectsIsRenewedAndTheCallRepeated() {
        signedIn();
        int before = SERVICES.refreshCalls.get();
        SERVICES.expireAccessTokens();

        Browser.Page home = browser.get("/");

        assertThat(home.status()).isEqualTo(200);
        assertThat(home.text("#latest-title")).isEqualTo("Latest expenses");
        assertThat(SERVICES.refreshCalls.get() - before).isEqualTo(1);
    }

    @Test
    void aRevokedRefreshTokenEndsTheSession() {
        signedIn();
        SERVICES.expireAccessTokens();
        SERVICES.revokeRefreshTokens();

        Browser.Page refused = browser.get("/");

        assertThat(refused.location()).isEqualTo("/login?expired");
        assertThat(jdbc.sql("select count(*) from session_tokens where user_id = :id")
                        .param("id", account().id)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(browser.get("/").location()).as("the session is gone").startsWith("/login");
    }

    @Test
    void theBrowserNeverSeesAToken() {
        signedIn();
        String access = jdbc.sql("select access_token from session_tokens where user_id = :id")
                .param("id", account().id)
                .query(String.class)
                .single();
        String refresh = jdbc.sql("select refresh_token from session_tokens where user_id = :id")
                .param("id", account().id)
                .query(String.class)
                .single();

        for (String path : new String[] {"/", "/expenses", "/settings", "/categories"}) {
            Browser.Page page = browser.get(path);
            assertThat(page.body()).as(path).doesNotContain(access).doesNotContain(refresh);
            assertThat(page.response().headers().map().toString())
                    .doesNotContain(access)
                    .doesNotContain(refresh);
        }
        assertThat(browser.sessionCookie().orElseThrow().getValue())
                .doesNotContain(access)
                .doesNotContain(refresh);
    }

    private void expireStoredAccessToken() {
        jdbc.sql("update session_tokens set access_expires_at = now() - interval '1 minute' where user_id = :id")
                .param("id", account().id)
                .update();
        SERVICES.expireAccessTokens();
    }
}
