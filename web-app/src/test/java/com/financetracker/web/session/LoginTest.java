package com.financetracker.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.web.Browser;
import com.financetracker.web.FakeServices.Mode;
import com.financetracker.web.WebAppTest;
import org.junit.jupiter.api.Test;

class LoginTest extends WebAppTest {

    @Test
    void signingUpLogsInWithAnHttpOnlySameSiteSessionCookie() {
        browser.get("/signup");
        Browser.Page signedUp =
                browser.post("/signup", "email", email, "password", PASSWORD, "displayName", "Test Person");

        assertThat(signedUp.status()).isEqualTo(302);
        assertThat(signedUp.location()).isEqualTo("/");
        String cookie = signedUp.headers("Set-Cookie").stream()
                .filter(header -> header.startsWith("FT_SESSION="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
        Browser.Page home = browser.get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.text("h2#quick-add-title")).isEqualTo("Quick add");
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = :id")
                        .param("id", account().id.toString())
                        .query(Long.class)
                        .single())
                .as("the session is kept in the web app's database, so it survives a restart")
                .isEqualTo(1L);
    }

    @Test
    void theSessionCookieIsSecureBehindAnHttpsProxy() {
        Browser.Page page = browser.getWithHeader("/login", "X-Forwarded-Proto", "https");

        assertThat(page.headers("Set-Cookie"))
                .anySatisfy(
                        cookie -> assertThat(cookie).startsWith("FT_SESSION=").contains("Secure"));
    }

    @Test
    void afterLoggingInAPersonReturnsToThePageTheyAskedForNeverToAnAssetTheBrowserFetched() {
        SERVICES.account(email, PASSWORD);

        Browser.Page asked = browser.getWithHeader("/expenses?q=taxi", "Accept", "text/html,*/*;q=0.8");
        Browser.Page icon = browser.getWithHeader("/favicon.svg", "Accept", "image/avif,image/webp,*/*");
        Browser.Page script = browser.getWithHeader("/no-such-script.js", "Accept", "*/*");
        Browser.Page loggedIn = browser.logIn(email, PASSWORD);

        assertThat(asked.location()).endsWith("/login");
        assertThat(icon.status()).as("the icon is public").isEqualTo(200);
        assertThat(script.status()).isEqualTo(302);
        // "continue" is how Spring Security recognizes the saved request when it is asked for again
        assertThat(loggedIn.location()).isEqualTo("/expenses?q=taxi&continue");
    }

    @Test
    void aWrongPasswordIsSaidInAPlainSentence() {
        SERVICES.account(email, PASSWORD);

        Browser.Page refused = browser.logIn(email, "not the password");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.text("#login-error")).isEqualTo("Wrong email or password.");
        assertThat(refused.document().selectFirst("#email").attr("value")).isEqualTo(email);
    }

    @Test
    void aThrottledLoginSaysHowLongToWait() {
        SERVICES.account(email, PASSWORD);
        SERVICES.throttleSeconds = 120L;

        Browser.Page refused = browser.logIn(email, PASSWORD);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.text("#login-error"))
                .isEqualTo("Too many failed attempts. Wait 2 minutes before you try again.");
    }

    @Test
    void aDisabledAccountIsToldSo() {
        SERVICES.account(email, PASSWORD).disabled = true;

        Browser.Page refused = browser.logIn(email, PASSWORD);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("#login-error")).contains("disabled by an administrator");
    }

    @Test
    void aLoginWhileTheUserServiceIsDownSaysWhichPartIsUnavailable() {
        SERVICES.account(email, PASSWORD);
        SERVICES.users.mode = Mode.DOWN;

        Browser.Page refused = browser.logIn(email, PASSWORD);

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.text("#login-error")).contains("the user service is unavailable");
        assertThat(refused.body()).doesNotContain("Exception").doesNotContain("at com.");
    }

    @Test
    void aTakenEmailIsSaidNextToTheEmailField() {
        SERVICES.account(email, PASSWORD);

        Browser.Page refused = browser.signUp(email, PASSWORD);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("#email-error")).startsWith("An account with this email already exists.");
        assertThat(refused.document().selectFirst("#email").attr("aria-invalid"))
                .isEqualTo("true");
    }

    @Test
    void aShortPasswordIsSaidNextToThePasswordField() {
        Browser.Page refused = browser.signUp(email, "short");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("#password-error")).isEqualTo("Password must have 8 to 128 characters.");
    }

    @Test
    void loggingOutRevokesTheRefreshTokenAndEndsTheSession() {
        signedIn();
        int refreshTokensBefore = SERVICES.loggedOut.size();
        browser.get("/");

        Browser.Page loggedOut = browser.post("/logout");

        assertThat(loggedOut.location()).isEqualTo("/login?logout");
        assertThat(SERVICES.loggedOut).hasSize(refreshTokensBefore + 1);
        assertThat(browser.get("/").location()).isEqualTo("/login");
        assertThat(jdbc.sql("select count(*) from session_tokens where user_id = :id")
                        .param("id", account().id)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(browser.get("/login?logout").text(".notice")).isEqualTo("You are logged out.");
    }

    @Test
    void pagesNeedALoginAndHtmxIsRedirectedByHeader() {
        assertThat(browser.get("/expenses").location()).isEqualTo("/login");

        Browser.Page fragment = browser.htmxGet("/home/summary");

        assertThat(fragment.status()).isEqualTo(401);
        assertThat(fragment.header("HX-Redirect")).isEqualTo("/login");
    }

    @Test
    void anExpiredSessionAsksToLogInAgain() {
        signedIn();
        jdbc.sql("delete from spring_session").update();

        assertThat(browser.get("/").location()).isEqualTo("/login?expired");
        jdbc.sql("delete from spring_session").update();
        assertThat(browser.htmxGet("/home/summary").header("HX-Redirect")).isEqualTo("/login?expired");
        assertThat(browser.get("/login?expired").text(".notice"))
                .isEqualTo("Your session has ended. Log in again to continue.");
    }

    @Test
    void aFormPostedAfterItsSessionExpiredLeadsToTheLoginPage() {
        signedIn();
        browser.get("/");
        jdbc.sql("delete from spring_session").update();

        Browser.Page refused = browser.post("/quick-add", "amount", "5", "category", "Food", "date", "2026-11-20");

        assertThat(refused.location()).isEqualTo("/login?expired");
        assertThat(account().expenses).isEmpty();
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefused() {
        signedIn();

        Browser.Page refused =
                browser.postWithoutCsrf("/quick-add", "amount", "5", "category", "Food", "date", "2026-11-20");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text(".alert")).isEqualTo("This form has expired. Reload the page and try again.");
        assertThat(account().expenses).isEmpty();
    }

    @Test
    void everyPageHasTheStrictContentSecurityPolicyAndNoInlineScript() {
        signedIn();

        for (String path : new String[] {"/login", "/", "/expenses", "/categories", "/import", "/settings"}) {
            Browser.Page page = path.equals("/login") ? new Browser(port).get(path) : browser.get(path);
            assertThat(page.header("Content-Security-Policy"))
                    .as(path)
                    .isEqualTo("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                            + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
            assertThat(page.document().select("script:not([src])")).as(path).isEmpty();
            assertThat(page.document().select("[style]")).as(path).isEmpty();
            assertThat(page.document().getAllElements().stream()
                            .flatMap(element -> element.attributes().asList().stream())
                            .filter(attribute -> attribute.getKey().startsWith("on")
                                    || attribute.getKey().startsWith("hx-on"))
                            .toList())
                    .as(path + " has no inline event handler")
                    .isEmpty();
            assertThat(page.document().selectFirst("html").attr("lang"))
                    .as(path)
                    .isEqualTo("en-US");
        }
    }
}
