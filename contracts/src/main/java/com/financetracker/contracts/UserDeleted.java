package com.financetracker.contracts;

import com.financetracker.platform.events.EventType;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;

/**
 * A person deleted their account in the user service: every other service removes what it holds about them. Keyed by
 * the user's id.
 *
 * @param userId the deleted user
 * @param deletedAt when the account was deleted
 */
public record UserDeleted(@NotNull UUID userId, Instant deletedAt) {

    public static final EventType<UserDeleted> TYPE =
            new EventType<>("user.deleted", "finance.user-events.v1", UserDeleted.class, ServiceNames.USER_SERVICE);

    /** The key the event travels under: a user's events stay in order. */
    public String key() {
        return userId.toString();
    }
}
