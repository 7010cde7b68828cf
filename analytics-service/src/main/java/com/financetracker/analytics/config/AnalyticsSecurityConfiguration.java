package com.financetracker.analytics.config;

import com.financetracker.platform.security.EndpointAccessRules;
import com.financetracker.platform.security.Roles;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/** The dashboard page is public (it asks for a login); the statistics are for administrators only. */
@Configuration(proxyBeanMethods = false)
class AnalyticsSecurityConfiguration {

    @Bean
    EndpointAccessRules analyticsAccessRules() {
        return new EndpointAccessRules() {
            @Override
            public List<String> publicPaths() {
                return List.of("/", "/index.html", "/dashboard/**", "/webjars/**");
            }

            @Override
            public void authorize(
                    AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
                rules.requestMatchers("/analytics", "/analytics/**").hasRole(Roles.ADMIN);
            }
        };
    }
}
