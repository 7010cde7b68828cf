package com.financetracker.users.account;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A user account as stored. It never leaves the service: responses are {@link UserResponse}. */
public record User(
        UUID id,
        String email,
        String displayName,
        String passwordHash,
        Set<Role> roles,
        @Nullable String defaultCurrency,
        boolean disabled,
        Instant createdAt,
        Instant updatedAt) {

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }
}
