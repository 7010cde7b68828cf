package com.financetracker.insights.config;

import com.financetracker.platform.security.EndpointAccessRules;
import com.financetracker.platform.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/** Every insight is for the signed-in person it is about; services only reach the internal event inbox. */
@Configuration(proxyBeanMethods = false)
class InsightsSecurityConfiguration {

    @Bean
    EndpointAccessRules insightsAccessRules() {
        return new EndpointAccessRules() {
            @Override
            public void authorize(
                    AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
                rules.requestMatchers("/insights/**").hasRole(Roles.USER);
            }
        };
    }
}
