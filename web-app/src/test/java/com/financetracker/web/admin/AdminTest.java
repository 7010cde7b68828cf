package com.financetracker.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.web.Browser;
import com.financetracker.web.FakeServices;
import com.financetracker.web.FakeServices.Mode;
import com.financetracker.web.WebAppTest;
import org.junit.jupiter.api.Test;

class AdminTest extends WebAppTest {

    @Test
    void aPersonWhoIsNotAnAdministratorIsToldSo() {
        signedIn();

        Browser.Page refused = browser.get("/admin/users");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text(".alert")).isEqualTo("This page is for administrators.");
        assertThat(browser.get("/").document().select("a[href=/admin/users]")).isEmpty();
    }

    @Test
    void anAdministratorFindsDisablesAndPromotesUsers() {
        FakeServices.Account admin = SERVICES.account(email, PASSWORD).admin();
        FakeServices.Account other = SERVICES.account("someone-" + email, PASSWORD);
        browser.logIn(admin.email, PASSWORD);

        Browser.Page page = browser.get("/admin/users?q=someone-" + email);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select("#user-list li strong").eachText()).containsExactly(other.email);
        assertThat(page.text("#usage-title + p")).isEqualTo("1,234 requests, 5 errors, across 4 services.");
        assertThat(page.document()
                        .selectFirst("a:contains(Open the usage dashboard)")
                        .attr("href"))
                .as("the host the page was opened with, on the analytics service's port")
                .isEqualTo(SERVICES.analytics.url().replace("127.0.0.1", "localhost") + "/");

        Browser.Page disabled = browser.post("/admin/users/" + other.id, "action", "disable");
        assertThat(disabled.location()).startsWith("/admin/users?notice=");
        assertThat(other.disabled).isTrue();

        browser.post("/admin/users/" + other.id, "action", "grant-admin");
        assertThat(other.roles).contains("ADMIN");
    }

    @Test
    void whenTheAnalyticsServiceFailsTheUserListStillShows() {
        FakeServices.Account admin = SERVICES.account(email, PASSWORD).admin();
        browser.logIn(admin.email, PASSWORD);
        SERVICES.analytics.mode = Mode.FAILING;

        Browser.Page page = browser.get("/admin/users");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text("#usage-title + .unavailable"))
                .isEqualTo("The analytics service is unavailable right now; try again in a moment.");
        assertThat(page.document().select("#user-list li")).isNotEmpty();
    }
}
