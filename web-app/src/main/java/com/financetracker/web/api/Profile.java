package com.financetracker.web.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A person's account as the user service answers it. */
public record Profile(
        UUID id,
        String email,
        String displayName,
        List<String> roles,
        @Nullable String defaultCurrency,
        boolean disabled,
        @Nullable Instant createdAt) {

    public boolean isAdmin() {
        return roles.contains("ADMIN");
    }
}
