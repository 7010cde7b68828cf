package com.financetracker.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.web.Browser;
import com.financetracker.web.WebAppTest;
import org.junit.jupiter.api.Test;

class SettingsTest extends WebAppTest {

    @Test
    void aNewDefaultCurrencyRenewsTheTokenAndBecomesQuickAddsDefault() {
        signedIn();
        browser.get("/settings");
        int before = SERVICES.refreshCalls.get();

        Browser.Page saved = browser.post("/settings/profile", "displayName", "Alex", "defaultCurrency", "EUR");

        assertThat(saved.location()).isEqualTo("/settings?saved=profile");
        assertThat(account().defaultCurrency).isEqualTo("EUR");
        assertThat(SERVICES.refreshCalls.get() - before)
                .as("the expense service reads the default currency from a new access token")
                .isEqualTo(1);
        assertThat(browser.get("/").document().selectFirst("#qa-currency").attr("value"))
                .isEqualTo("EUR");
        Browser.Page settings = browser.get("/settings?saved=profile");
        assertThat(settings.text(".notice")).isEqualTo("Your settings are saved.");
        assertThat(settings.document().selectFirst("#displayName").attr("value"))
                .isEqualTo("Alex");
    }

    @Test
    void aBlankNameIsRefusedNextToTheField() {
        signedIn();
        browser.get("/settings");

        Browser.Page refused = browser.post("/settings/profile", "displayName", " ", "defaultCurrency", "");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("#displayName-error")).isEqualTo("Name must not be blank.");
    }

    @Test
    void changesThePasswordOnlyWithTheCurrentOne() {
        signedIn();
        browser.get("/settings");

        Browser.Page wrong = browser.post(
                "/settings/password",
                "currentPassword",
                "nope",
                "newPassword",
                "new password 1",
                "repeatPassword",
                "new password 1");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.text("#currentPassword-error")).isEqualTo("The current password is wrong.");

        Browser.Page differ = browser.post(
                "/settings/password",
                "currentPassword",
                PASSWORD,
                "newPassword",
                "new password 1",
                "repeatPassword",
                "new password 2");
        assertThat(differ.text("#repeatPassword-error")).isEqualTo("The two new passwords differ.");

        Browser.Page changed = browser.post(
                "/settings/password",
                "currentPassword",
                PASSWORD,
                "newPassword",
                "new password 1",
                "repeatPassword",
                "new password 1");
        assertThat(changed.location()).isEqualTo("/settings?saved=password");
        assertThat(account().password).isEqualTo("new password 1");
    }

    @Test
    void deletingTheAccountNeedsThePasswordAndLeavesNothing() {
        signedIn();
        browser.get("/settings");

        Browser.Page refused = browser.post("/settings/delete", "password", "wrong");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("#deletePassword-error"))
                .isEqualTo("The password is wrong; the account was not deleted.");

        var id = account().id;
        Browser.Page deleted = browser.post("/settings/delete", "password", PASSWORD);

        assertThat(deleted.location()).isEqualTo("/login?deleted");
        assertThat(jdbc.sql("select count(*) from session_tokens where user_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(browser.get("/").location()).startsWith("/login");
        assertThat(browser.get("/login?deleted").text(".notice"))
                .isEqualTo("Your account has been deleted, with everything it held.");
        assertThat(browser.logIn(email, PASSWORD).status()).isEqualTo(401);
    }
}
