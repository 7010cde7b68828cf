package com.financetracker.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.platform.test.ApiResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No request, however malformed, gets a 5xx or anything but a problem: every endpoint, every kind of bad body. */
class MalformedInputTest extends UserServiceTest {

    private static final List<String> BODIES = List.of(
            "",
            "null",
            "[]",
            "42",
            "\"text\"",
            "{",
            "{}",
            "{\"email\":null,\"password\":null}",
            "{\"email\":{},\"password\":[]}",
            "{\"email\":123,\"password\":true}",
            "{\"email\":\"a@b.c\",\"password\":\"x\",\"email\":\"dup@b.c\"}",
            "{\"email\":\"" + "a".repeat(10_000) + "@b.c\",\"password\":\"" + "p".repeat(10_000) + "\"}",
            "{\"email\":\"' OR 1=1 --@b.c\",\"password\":\"' OR '1'='1\"}",
            "{\"email\":\"<img src=x onerror=alert(1)>@b.c\",\"password\":\"password123\"}",
            "{\"email\":\"\\u0000@b.c\",\"password\":\"\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\"}",
            "{\"email\":\"ünïcødé@exämple.com\",\"password\":\"pässwörd-ü\"}",
            "{\"refresh_token\":[1,2,3]}",
            "{\"displayName\":12,\"defaultCurrency\":false}",
            "{\"currentPassword\":{},\"newPassword\":null}",
            "{\"roles\":\"ADMIN\",\"disabled\":\"maybe\"}",
            "{\"password\":\"x\"} trailing",
            "\uFEFF{\"email\":\"a@b.c\",\"password\":\"12345678\"}",
            "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}");

    private static final List<String[]> ENDPOINTS = List.of(
            new String[] {"POST", "/register"},
            new String[] {"POST", "/login"},
            new String[] {"POST", "/token/refresh"},
            new String[] {"POST", "/logout"},
            new String[] {"PATCH", "/users/me"},
            new String[] {"PUT", "/users/me/password"},
            new String[] {"DELETE", "/users/me"},
            new String[] {"PATCH", "/users/00000000-0000-0000-0000-000000000000"});

    @Test
    void everyMalformedBodyGetsAClientErrorProblem() {
        String user = accessToken(newEmail());
        String admin = adminToken();
        for (String[] endpoint : ENDPOINTS) {
            String token = endpoint[1].startsWith("/users/0") ? admin : user;
            for (String body : BODIES) {
                for (String contentType : List.of("application/json", "application/merge-patch+json", "text/plain")) {
                    ApiResponse response = api.method(endpoint[0], endpoint[1])
                            .bearer(token)
                            .body(contentType, body)
                            .send();
                    String what = endpoint[0] + " " + endpoint[1] + " " + contentType + " " + abbreviate(body);
                    assertThat(response.status()).as(what).isBetween(200, 499);
                    if (response.status() >= 400) {
                        assertThat(response.contentType()).as(what).startsWith("application/problem+json");
                        assertThat(response.body())
                                .as(what)
                                .doesNotContain("Exception")
                                .doesNotContain("at com.");
                    }
                }
            }
        }
    }

    @Test
    void oddQueriesAndPathsGetClientErrors() {
        String admin = adminToken();
        for (String path : List.of(
                "/users?limit=-1",
                "/users?limit=99999999999999999999",
                "/users?q=%27%3B%20drop%20table%20users%3B--",
                "/users?cursor=%FF%FE",
                "/users/not-a-uuid",
                "/users/%00",
                "/users/..%2F..%2Fetc%2Fpasswd",
                "/users/me/../../admin",
                "/.well-known/jwks.json/extra",
                "/%2e%2e/")) {
            ApiResponse response = api.get(path).bearer(admin).send();
            assertThat(response.status()).as(path).isBetween(200, 499);
            if (response.status() >= 400) {
                assertThat(response.contentType()).as(path).startsWith("application/problem+json");
            }
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 60 ? body.substring(0, 60) + "…" : body;
    }
}
