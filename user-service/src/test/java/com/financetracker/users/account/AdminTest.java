package com.financetracker.users.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.platform.test.ApiResponse;
import com.financetracker.users.UserServiceTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AdminTest extends UserServiceTest {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    @Test
    void firstAdministratorComesFromConfiguration() {
        JsonNode admin = api.get("/users/me").bearer(adminToken()).send().json();

        assertThat(admin.path("email").asString()).isEqualTo(ADMIN_EMAIL);
        assertThat(admin.path("roles").toString()).isEqualTo("[\"USER\",\"ADMIN\"]");
    }

    @Test
    void ordinaryUsersCannotAdminister() {
        String token = accessToken(newEmail());

        assertProblem(api.get("/users").bearer(token).send(), 403, "forbidden");
        assertProblem(
                api.patch("/users/" + UUID.randomUUID())
                        .bearer(token)
                        .json("{\"disabled\":true}")
                        .send(),
                403,
                "forbidden");
    }

    @Test
    void listsEveryUserPageByPageInEmailOrder() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            register("page-" + tag + "-" + i + "@example.com", PASSWORD);
        }
        String admin = adminToken();

        List<String> emails = new ArrayList<>();
        String next = "/users?limit=2&q=" + tag;
        int pages = 0;
        while (next != null) {
            ApiResponse page = api.get(next).bearer(admin).send();
            assertThat(page.status()).isEqualTo(200);
            page.json().forEach(user -> emails.add(user.path("email").asString()));
            next = nextLink(page);
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(emails)
                .containsExactly(
                        "page-" + tag + "-0@example.com",
                        "page-" + tag + "-1@example.com",
                        "page-" + tag + "-2@example.com",
                        "page-" + tag + "-3@example.com",
                        "page-" + tag + "-4@example.com");
    }

    @Test
    void searchTreatsWildcardsLiterally() {
        ApiResponse response = api.get("/users?q=%25").bearer(adminToken()).send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().size()).isZero();
    }

    @Test
    void rejectsABadCursorAndLimit() {
        String admin = adminToken();

        assertProblem(api.get("/users?cursor=***").bearer(admin).send(), 400, "validation");
        assertProblem(api.get("/users?limit=0").bearer(admin).send(), 400, "validation");
        assertProblem(api.get("/users?limit=201").bearer(admin).send(), 400, "validation");
    }

    @Test
    void disabledUserCannotLogInOrRefresh() {
        String email = newEmail();
        JsonNode session = newUserSession(email);
        String userId = api.get("/users/me")
                .bearer(session.path("access_token").asString())
                .send()
                .json()
                .path("id")
                .asString();

        ApiResponse disabled = api.patch("/users/" + userId)
                .bearer(adminToken())
                .body("application/merge-patch+json", "{\"disabled\":true}")
                .send();

        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().path("disabled").asBoolean()).isTrue();
        assertThat(disabled.json().path("roles").toString()).isEqualTo("[\"USER\"]");
        assertProblem(login(email, PASSWORD), 403, "account-disabled");
        assertThat(api.post("/token/refresh")
                        .json("{\"refresh_token\":\"%s\"}"
                                .formatted(session.path("refresh_token").asString()))
                        .send()
                        .status())
                .isEqualTo(401);
    }

    @Test
    void grantsAndRevokesAdmin() {
        String email = newEmail();
        String id = register(email, PASSWORD).json().path("id").asString();
        String admin = adminToken();

        ApiResponse granted = api.patch("/users/" + id)
                .bearer(admin)
                .json("{\"roles\":[\"USER\",\"ADMIN\"]}")
                .send();
        String newAdmin = login(email, PASSWORD).json().path("access_token").asString();

        assertThat(granted.json().path("roles").toString()).isEqualTo("[\"USER\",\"ADMIN\"]");
        assertThat(api.get("/users").bearer(newAdmin).send().status()).isEqualTo(200);
    }

    @Test
    void rejectsUnknownAndServiceRoles() {
        String id = register(newEmail(), PASSWORD).json().path("id").asString();
        String admin = adminToken();

        assertProblem(
                api.patch("/users/" + id)
                        .bearer(admin)
                        .json("{\"roles\":[\"SERVICE\"]}")
                        .send(),
                400,
                "validation");
        assertProblem(
                api.patch("/users/" + id).bearer(admin).json("{\"roles\":[]}").send(), 400, "validation");
        assertProblem(
                api.patch("/users/" + id)
                        .bearer(admin)
                        .json("{\"roles\":[\"ADMIN\"]}")
                        .send(),
                400,
                "validation");
        assertProblem(
                api.patch("/users/" + id)
                        .bearer(admin)
                        .json("{\"disabled\":\"yes\"}")
                        .send(),
                400,
                "validation");
    }

    @Test
    void adminCannotLockThemselvesOut() {
        String admin = adminToken();
        String adminId =
                api.get("/users/me").bearer(admin).send().json().path("id").asString();

        assertProblem(
                api.patch("/users/" + adminId)
                        .bearer(admin)
                        .json("{\"disabled\":true}")
                        .send(),
                409,
                "self-lockout");
        assertProblem(
                api.patch("/users/" + adminId)
                        .bearer(admin)
                        .json("{\"roles\":[\"USER\"]}")
                        .send(),
                409,
                "self-lockout");
    }

    @Test
    void unknownUserIs404() {
        ApiResponse response = api.patch("/users/" + UUID.randomUUID())
                .bearer(adminToken())
                .json("{\"disabled\":true}")
                .send();

        assertProblem(response, 404, "not-found");
    }

    private static String nextLink(ApiResponse page) {
        String link = page.header("Link");
        if (link == null) {
            return null;
        }
        Matcher matcher = NEXT.matcher(link);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
