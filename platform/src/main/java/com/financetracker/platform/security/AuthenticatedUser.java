package com.financetracker.platform.security;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The end user a request acts for, taken from a verified access token. Declare it as a controller method parameter
 * to receive it; only tokens issued to users (not to services) resolve to one.
 *
 * @param id the user's id (the token's subject)
 * @param roles the user's roles
 * @param defaultCurrency the user's preferred ISO 4217 currency, when set
 */
public record AuthenticatedUser(
        UUID id, Set<String> roles, @Nullable String defaultCurrency) {

    /** The access-token claim holding the user's default currency. */
    public static final String CURRENCY_CLAIM = "currency";

    public boolean isAdmin() {
        return roles.contains(Roles.ADMIN);
    }
}
