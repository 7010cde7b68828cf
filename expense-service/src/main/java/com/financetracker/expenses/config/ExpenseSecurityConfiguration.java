package com.financetracker.expenses.config;

import com.financetracker.platform.security.EndpointAccessRules;
import com.financetracker.platform.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/** Every expense and category endpoint is for signed-in users; services only reach the internal event inbox. */
@Configuration(proxyBeanMethods = false)
class ExpenseSecurityConfiguration {

    @Bean
    EndpointAccessRules expenseServiceAccessRules() {
        return new EndpointAccessRules() {
            @Override
            public void authorize(
                    AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
                rules.requestMatchers("/expenses", "/expenses/**", "/categories", "/categories/**")
                        .hasRole(Roles.USER);
            }
        };
    }
}
