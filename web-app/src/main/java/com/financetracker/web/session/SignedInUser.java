package com.financetracker.web.session;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The person signed in to a session, as kept in the session: who they are and the id of the row that holds their
 * tokens. Holds no token itself.
 *
 * @param tokensId the id of the session's row in {@code session_tokens}
 * @param roles the roles the user service gave at login ({@code USER}, {@code ADMIN})
 * @param defaultCurrency the person's default currency, when they chose one
 */
public record SignedInUser(
        UUID tokensId,
        UUID userId,
        String email,
        String displayName,
        List<String> roles,
        @Nullable String defaultCurrency)
        implements AuthenticatedPrincipal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public SignedInUser {
        roles = List.copyOf(roles);
    }

    /** The user id: the session table's principal name (an email may be longer than its column). */
    @Override
    public String getName() {
        return userId.toString();
    }

    public boolean isAdmin() {
        return roles.contains("ADMIN");
    }

    public List<GrantedAuthority> authorities() {
        return roles.stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
    }

    public SignedInUser withProfile(String displayName, @Nullable String defaultCurrency) {
        return new SignedInUser(tokensId, userId, email, displayName, roles, defaultCurrency);
    }
}
