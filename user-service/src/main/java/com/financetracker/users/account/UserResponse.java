package com.financetracker.users.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A user's profile as clients see it. */
public record UserResponse(
        UUID id,
        String email,
        String displayName,
        List<Role> roles,
        @Nullable String defaultCurrency,
        boolean disabled,
        Instant createdAt) {

    static UserResponse of(User user) {
        return new UserResponse(
                user.id(),
                user.email(),
                user.displayName(),
                user.roles().stream().sorted().toList(),
                user.defaultCurrency(),
                user.disabled(),
                user.createdAt());
    }
}
