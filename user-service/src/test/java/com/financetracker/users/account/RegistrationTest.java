package com.financetracker.users.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.platform.test.ApiResponse;
import com.financetracker.users.UserServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RegistrationTest extends UserServiceTest {

    @Test
    void registersANewUser() {
        String email = newEmail();

        ApiResponse response = api.post("/register")
                .json("{\"email\":\"%s\",\"password\":\"%s\",\"displayName\":\"Ada\"}".formatted(email, PASSWORD))
                .send();

        assertThat(response.status()).isEqualTo(201);
        JsonNode user = response.json();
        assertThat(user.path("email").asString()).isEqualTo(email);
        assertThat(user.path("displayName").asString()).isEqualTo("Ada");
        assertThat(user.path("roles").toString()).isEqualTo("[\"USER\"]");
        assertThat(user.path("createdAt").asString()).endsWith("Z");
        assertThat(user.has("password")).isFalse();
        assertThat(user.has("passwordHash")).isFalse();
        assertThat(response.header("Location"))
                .isEqualTo("/users/" + user.path("id").asString());
        String storedHash = jdbc.sql("select password_hash from users where email = :email")
                .param("email", email)
                .query(String.class)
                .single();
        assertThat(storedHash).startsWith("{argon2}$argon2id$").doesNotContain(PASSWORD);
    }

    @Test
    void displayNameDefaultsToTheEmailsLocalPart() {
        ApiResponse response = register("Grace.Hopper+x@Example.com", PASSWORD);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().path("displayName").asString()).isEqualTo("grace.hopper+x");
        assertThat(response.json().path("email").asString()).isEqualTo("grace.hopper+x@example.com");
    }

    @Test
    void emailIsTakenWhateverItsCase() {
        String email = newEmail();
        register(email, PASSWORD);

        ApiResponse again = register(email.toUpperCase(), PASSWORD);

        assertProblem(again, 409, "email-taken");
        assertThat(jdbc.sql("select count(*) from users where email = :email")
                        .param("email", email)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void rejectsInvalidEmail() {
        ApiResponse response = register("not-an-email", PASSWORD);

        assertProblem(response, 400, "validation");
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .isEqualTo("email");
    }

    @Test
    void rejectsPasswordsOutsideEightTo128Characters() {
        ApiResponse tooShort = register(newEmail(), "short");
        ApiResponse tooLong = register(newEmail(), "x".repeat(129));
        ApiResponse longest = register(newEmail(), "x".repeat(128));

        assertProblem(tooShort, 400, "validation");
        assertThat(tooShort.json().path("errors").get(0).path("message").asString())
                .isEqualTo("must have 8 to 128 characters");
        assertProblem(tooLong, 400, "validation");
        assertThat(longest.status()).isEqualTo(201);
    }

    @Test
    void rejectsUnknownFieldsSuchAsRoles() {
        ApiResponse response = api.post("/register")
                .json("{\"email\":\"%s\",\"password\":\"%s\",\"roles\":[\"ADMIN\"]}".formatted(newEmail(), PASSWORD))
                .send();

        assertProblem(response, 400, "validation");
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .isEqualTo("roles");
    }

    @Test
    void keepsHostileStringsVerbatim() {
        String name = "Robert'); DROP TABLE users;-- <script>alert(1)</script> 🧾 Zoë";

        ApiResponse response = api.post("/register")
                .json("{\"email\":\"%s\",\"password\":\"%s\",\"displayName\":\"%s\"}"
                        .formatted(newEmail(), PASSWORD, name.replace("\"", "\\\"")))
                .send();

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().path("displayName").asString()).isEqualTo(name);
        assertThat(jdbc.sql("select count(*) from users").query(Integer.class).single())
                .isPositive();
    }

    @Test
    void rejectsControlCharactersInDisplayName() {
        ApiResponse response = api.post("/register")
                .json("{\"email\":\"%s\",\"password\":\"%s\",\"displayName\":\"a\\u0000b\"}"
                        .formatted(newEmail(), PASSWORD))
                .send();

        assertProblem(response, 400, "validation");
    }

    @Test
    void ignoresAStaleBearerTokenOnRegistration() {
        ApiResponse response = api.post("/register")
                .bearer("expired.or.garbage")
                .json("{\"email\":\"%s\",\"password\":\"%s\"}".formatted(newEmail(), PASSWORD))
                .send();

        assertThat(response.status()).isEqualTo(201);
    }
}
