package com.financetracker.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.platform.test.ApiClient;
import com.financetracker.platform.test.ApiResponse;
import com.financetracker.platform.test.TestTokens;
import com.financetracker.platform.test.WithTestTokens;
import com.financetracker.web.Browser;
import com.financetracker.web.WebAppTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A deleted account's sessions end everywhere at once, when the user service says so through an event. */
@WithTestTokens
class UserDeletedTest extends WebAppTest {

    @Test
    void everySessionOfADeletedAccountEnds() {
        signedIn();
        Browser otherDevice = new Browser(port);
        otherDevice.logIn(email, PASSWORD);
        UUID userId = account().id;
        assertThat(browser.get("/").status()).isEqualTo(200);
        assertThat(sessionsOf(userId)).isEqualTo(2);

        ApiResponse delivered = deliver(TestTokens.service("user-service"), userDeleted(userId));

        assertThat(delivered.status()).as(delivered.body()).isEqualTo(202);
        assertThat(sessionsOf(userId)).isZero();
        assertThat(jdbc.sql("select count(*) from session_tokens where user_id = :user")
                        .param("user", userId)
                        .query(Integer.class)
                        .single())
                .isZero();
        for (Browser device : new Browser[] {browser, otherDevice}) {
            Browser.Page page = device.get("/");
            assertThat(page.status()).isEqualTo(302);
            assertThat(page.location()).contains("/login");
        }
    }

    @Test
    void onlyServicesDeliverEventsAndNothingEndsOtherwise() {
        signedIn();
        UUID userId = account().id;
        String event = userDeleted(userId);

        assertThat(deliver(null, event).status()).isEqualTo(401);
        assertThat(deliver(TestTokens.user(userId), event).status()).isEqualTo(403);
        ApiResponse noUser =
                deliver(TestTokens.service("user-service"), event.replace(userId.toString(), "not-a-user-id"));
        assertThat(noUser.status()).isEqualTo(400);
        assertThat(noUser.json().path("errors").get(0).path("field").asString()).isEqualTo("payload.userId");

        assertThat(sessionsOf(userId)).isEqualTo(1);
        assertThat(browser.get("/").status()).isEqualTo(200);
    }

    @Test
    void noOtherServiceMayEndAPersonsSessions() {
        signedIn();
        UUID userId = account().id;

        for (String service : new String[] {"web-app", "expense-service", "insights-service", "analytics-service"}) {
            ApiResponse forged = deliver(TestTokens.service(service), userDeleted(userId));

            assertThat(forged.status()).as(forged.body()).isEqualTo(403);
            assertThat(forged.json().path("detail").asString())
                    .isEqualTo(service + " may not send user.deleted events: only user-service sends them");
        }

        assertThat(sessionsOf(userId)).isEqualTo(1);
        assertThat(browser.get("/").status()).isEqualTo(200);
    }

    private ApiResponse deliver(String token, String event) {
        ApiClient.Request request =
                ApiClient.onPort(port).post("/internal/events").json(event);
        return (token == null ? request : request.bearer(token)).send();
    }

    private int sessionsOf(UUID userId) {
        return jdbc.sql("select count(*) from spring_session where principal_name = :user")
                .param("user", userId.toString())
                .query(Integer.class)
                .single();
    }

    private static String userDeleted(UUID userId) {
        return """
                {"id":"%s","type":"user.deleted","key":"%s","occurredAt":"2026-11-29T10:00:00Z",
                 "payload":{"userId":"%s","deletedAt":"2026-11-29T10:00:00Z"}}""".formatted(UUID.randomUUID(), userId, userId);
    }
}
