package com.financetracker.users.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.platform.test.ApiClient;
import com.financetracker.platform.test.ApiResponse;
import com.financetracker.users.UserServiceTest;
import org.junit.jupiter.api.Test;

/** Wrong passwords sent by someone else cannot keep a person out of their account. */
class AccountLockoutTest extends UserServiceTest {

    @Test
    void failuresFromAnotherAddressDoNotLockTheOwnerOut() {
        String email = newEmail();
        register(email, PASSWORD);
        ApiClient attacker = ApiClient.onPortFrom(port, "127.0.0.2");
        for (int i = 0; i < 8; i++) {
            attacker.post("/login")
                    .json("{\"email\":\"%s\",\"password\":\"guess %d\"}".formatted(email, i))
                    .send();
        }
        assertProblem(
                attacker.post("/login")
                        .json("{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, PASSWORD))
                        .send(),
                429,
                "too-many-requests");

        assertThat(login(email, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aLockedLoginDoesNotBlockAPasswordChangeWithAValidToken() {
        String email = newEmail();
        String token = accessToken(email);
        for (int i = 0; i < 6; i++) {
            login(email, "guess " + i);
        }
        assertProblem(login(email, PASSWORD), 429, "too-many-requests");

        ApiResponse change = api.put("/users/me/password")
                .bearer(token)
                .json("{\"currentPassword\":\"%s\",\"newPassword\":\"another password 1\"}".formatted(PASSWORD))
                .send();

        assertThat(change.status()).as(change.body()).isEqualTo(204);
    }

    @Test
    void aLockedLoginDoesNotBlockDeletingTheAccountWithAValidToken() {
        String email = newEmail();
        String token = accessToken(email);
        for (int i = 0; i < 6; i++) {
            login(email, "guess " + i);
        }

        ApiResponse delete = api.delete("/users/me")
                .bearer(token)
                .json("{\"password\":\"%s\"}".formatted(PASSWORD))
                .send();

        assertThat(delete.status()).as(delete.body()).isEqualTo(204);
        assertThat(jdbc.sql("select count(*) from users where email = :email")
                        .param("email", email)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void wrongCurrentPasswordsWithAValidTokenAreStillThrottled() {
        String token = accessToken(newEmail());
        for (int i = 0; i < 5; i++) {
            assertThat(changePassword(token, "wrong current " + i).status()).isEqualTo(403);
        }

        assertProblem(changePassword(token, "wrong current"), 429, "too-many-requests");
    }

    private ApiResponse changePassword(String token, String current) {
        return api.put("/users/me/password")
                .bearer(token)
                .json("{\"currentPassword\":\"%s\",\"newPassword\":\"another password 1\"}".formatted(current))
                .send();
    }
}
