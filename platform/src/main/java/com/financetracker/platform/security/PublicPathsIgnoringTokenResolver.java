package com.financetracker.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Reads bearer tokens from the {@code Authorization} header, except on public endpoints: a stale token sent along
 * with a login or a registration must not turn it into a 401.
 */
final class PublicPathsIgnoringTokenResolver implements BearerTokenResolver {

    private final DefaultBearerTokenResolver delegate = new DefaultBearerTokenResolver();
    private final List<RequestMatcher> publicPaths;

    PublicPathsIgnoringTokenResolver(List<RequestMatcher> publicPaths) {
        this.publicPaths = publicPaths;
    }

    @Override
    public @Nullable String resolve(HttpServletRequest request) {
        for (RequestMatcher matcher : publicPaths) {
            if (matcher.matches(request)) {
                return null;
            }
        }
        return delegate.resolve(request);
    }
}
