package com.financetracker.users.config;

import com.financetracker.platform.security.EndpointAccessRules;
import com.financetracker.platform.security.Roles;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/** Who may call what: registration, login and the public keys are open; the rest needs a user's or an admin's token. */
@Configuration(proxyBeanMethods = false)
class UserSecurityConfiguration {

    @Bean
    EndpointAccessRules userServiceAccessRules() {
        return new EndpointAccessRules() {
            @Override
            public List<String> publicPaths() {
                return List.of("/register", "/login", "/token", "/token/refresh", "/logout", "/.well-known/jwks.json");
            }

            @Override
            public void authorize(
                    AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
                rules.requestMatchers("/users/me", "/users/me/**").hasRole(Roles.USER);
                rules.requestMatchers("/users", "/users/*").hasRole(Roles.ADMIN);
            }
        };
    }
}
