package com.financetracker.platform.security;

import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's access rules, applied by the platform's security filter chain. Paths not named here need a valid
 * access token; requests for paths that match no endpoint pass through to be answered 404.
 */
public interface EndpointAccessRules {

    /** Path patterns anyone may call; a bearer token sent to them is ignored rather than checked. */
    default List<String> publicPaths() {
        return List.of();
    }

    /** Role requirements for the service's other endpoints, such as {@code hasRole(ADMIN)} on admin paths. */
    default void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {}
}
