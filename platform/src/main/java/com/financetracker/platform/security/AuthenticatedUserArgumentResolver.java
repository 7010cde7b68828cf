package com.financetracker.platform.security;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.jwt.Jwt;

/** Resolves {@link AuthenticatedUser} controller parameters from the verified access token. */
final class AuthenticatedUserArgumentResolver extends TokenArgumentResolver<AuthenticatedUser> {

    AuthenticatedUserArgumentResolver() {
        super(AuthenticatedUser.class);
    }

    @Override
    AuthenticatedUser resolve(Jwt jwt) {
        UUID id;
        try {
            id = UUID.fromString(jwt.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new AccessDeniedException("the token was not issued to a user");
        }
        List<String> roles = jwt.getClaimAsStringList(Roles.CLAIM);
        Set<String> roleSet = roles == null ? Set.of() : Set.copyOf(new HashSet<>(roles));
        if (!roleSet.contains(Roles.USER)) {
            throw new AccessDeniedException("the token was not issued to a user");
        }
        return new AuthenticatedUser(id, roleSet, jwt.getClaimAsString(AuthenticatedUser.CURRENCY_CLAIM));
    }
}
