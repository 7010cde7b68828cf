package com.financetracker.platform.security;

import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.jwt.Jwt;

/** Resolves {@link AuthenticatedService} controller parameters from the verified access token. */
final class AuthenticatedServiceArgumentResolver extends TokenArgumentResolver<AuthenticatedService> {

    AuthenticatedServiceArgumentResolver() {
        super(AuthenticatedService.class);
    }

    @Override
    AuthenticatedService resolve(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(Roles.CLAIM);
        String subject = jwt.getSubject();
        if (roles == null || !roles.contains(Roles.SERVICE) || subject == null || subject.isBlank()) {
            throw new AccessDeniedException("the token was not issued to a service");
        }
        return new AuthenticatedService(subject);
    }
}
