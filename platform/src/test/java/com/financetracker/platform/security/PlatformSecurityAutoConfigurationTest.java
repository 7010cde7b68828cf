package com.financetracker.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.platform.web.PlatformWebAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/** Every service is a resource server configured from Boot's settings, unless it brings its own security chains. */
class PlatformSecurityAutoConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    JacksonAutoConfiguration.class,
                    ValidationAutoConfiguration.class,
                    WebMvcAutoConfiguration.class,
                    SecurityAutoConfiguration.class,
                    ServletWebSecurityAutoConfiguration.class,
                    OAuth2ResourceServerAutoConfiguration.class,
                    PlatformWebAutoConfiguration.class,
                    PlatformSecurityAutoConfiguration.class))
            .withPropertyValues(
                    "spring.application.name=test-service",
                    "finance.web.max-body-size=1MB",
                    "finance.web.cors-allowed-origins=http://localhost:8002",
                    "spring.security.oauth2.resourceserver.jwt.issuer-uri=http://localhost:8000",
                    "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:8000/.well-known/jwks.json",
                    "spring.security.oauth2.resourceserver.jwt.audiences=finance-tracker",
                    "spring.security.oauth2.resourceserver.jwt.authorities-claim-name=roles",
                    "spring.security.oauth2.resourceserver.jwt.authority-prefix=ROLE_");

    @Test
    void aServiceIsAResourceServerOfTheUserService() {
        runner.run(context -> assertThat(context)
                .hasNotFailed()
                .hasBean("apiSecurityFilterChain")
                .doesNotHaveBean("internalEndpointsSecurityFilterChain")
                .hasSingleBean(JwtDecoder.class)
                .hasSingleBean(JwtAuthenticationConverter.class)
                .hasBean("accessTokenClaims"));
    }

    @Test
    void theDecoderRemembersTheTokensItAccepted() {
        runner.run(context -> assertThat(context.getBean(JwtDecoder.class)).isInstanceOf(VerifiedTokenCache.class));
    }

    @Test
    void aServiceThatServesPagesBringsItsOwnChainsAndThePlatformGuardsOnlyItsInternalEndpoints() {
        runner.withUserConfiguration(PageSecurity.class)
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean("apiSecurityFilterChain")
                        .hasBean("internalEndpointsSecurityFilterChain")
                        .hasBean("pages"));
    }

    @Configuration(proxyBeanMethods = false)
    static class PageSecurity {
        @Bean
        SecurityFilterChain pages(HttpSecurity http) throws Exception {
            return http.build();
        }
    }
}
