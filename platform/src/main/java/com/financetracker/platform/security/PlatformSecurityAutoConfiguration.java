package com.financetracker.platform.security;

import com.financetracker.platform.config.PlatformProperties;
import com.financetracker.platform.web.PlatformWebAutoConfiguration;
import com.financetracker.platform.web.ProblemResponses;
import com.financetracker.platform.web.ProblemType;
import com.financetracker.platform.web.RouteResolver;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Makes a service an OAuth2 resource server of the user service: RS256 access tokens verified with the published
 * keys (fetched lazily and cached, so a service starts while the user service is down), issuer, audience and expiry
 * checked, the {@code roles} claim mapped to authorities, no sessions, and 401/403 answered as problems. The decoder
 * and the authorities come from Spring Boot's resource-server settings ({@code spring.security.oauth2.resourceserver.
 * jwt.*}, set from {@code FINANCE_ISSUER}, {@code FINANCE_JWKS_URI} and {@code FINANCE_AUDIENCE}).
 */
@AutoConfiguration(
        after = PlatformWebAutoConfiguration.class,
        before = {
            ServletWebSecurityAutoConfiguration.class,
            OAuth2ResourceServerAutoConfiguration.class,
            UserDetailsServiceAutoConfiguration.class
        })
public class PlatformSecurityAutoConfiguration {

    /**
     * Endpoints of the platform itself that anyone may call: probes, metrics, API docs. They answer on the service's
     * port, or, with a management port of its own ({@code MANAGEMENT_SERVER_PORT}), there alone: the API docs then
     * under {@code /actuator} ({@code /actuator/openapi}, {@code /actuator/swagger-ui}).
     */
    static final List<String> PLATFORM_PUBLIC_PATHS = List.of(
            "/actuator/health",
            "/actuator/health/**",
            "/actuator/prometheus",
            "/actuator/openapi",
            "/actuator/openapi/**",
            "/actuator/swagger-ui",
            "/actuator/swagger-ui/**",
            "/v3/api-docs",
            "/v3/api-docs/**",
            "/swagger-ui.html",
            "/swagger-ui/**");

    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    /**
     * No Spring Security observations: wrapping every filter of the chain in an observation cost about a tenth of a
     * short request's time, and nothing reads them. The requests' own metrics ({@code http.server.requests}) stay.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The checks every access token must pass besides its signature, issuer and audience (which Spring Boot's decoder
     * checks from {@code spring.security.oauth2.resourceserver.jwt.*}): it expires, not more than 30 s ago, and names
     * its subject.
     */
    @Bean
    @ConditionalOnMissingBean(name = "accessTokenClaims")
    OAuth2TokenValidator<Jwt> accessTokenClaims() {
        return new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(CLOCK_SKEW),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank()));
    }

    /** Every service's access token decoder (Spring Boot's, or a service's own) remembers the tokens it accepted. */
    @Bean
    static BeanPostProcessor verifiedTokenCache() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedTokenCache)) {
                    return new VerifiedTokenCache(decoder, Clock.systemUTC());
                }
                return bean;
            }
        };
    }

    /** Lets controllers declare an {@link AuthenticatedUser} or an {@link AuthenticatedService} parameter. */
    @Bean
    WebMvcConfigurer authenticatedUserArgument() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new AuthenticatedUserArgumentResolver());
                resolvers.add(new AuthenticatedServiceArgumentResolver());
            }
        };
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(PlatformProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.web().corsAllowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of(
                HttpHeaders.AUTHORIZATION,
                HttpHeaders.CONTENT_TYPE,
                HttpHeaders.IF_MATCH,
                HttpHeaders.ACCEPT,
                "Idempotency-Key",
                "X-Request-Id"));
        cors.setExposedHeaders(List.of(
                HttpHeaders.ETAG,
                HttpHeaders.LOCATION,
                HttpHeaders.LINK,
                HttpHeaders.RETRY_AFTER,
                "X-Total-Count",
                "X-Request-Id"));
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    /** Requests the firewall refuses (encoded slashes, path traversal, …) get a 400 problem, not an HTML page. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemResponses problems) {
        return (request, response, rejected) -> problems.write(
                request,
                response,
                ProblemResponses.of(ProblemType.MALFORMED_REQUEST, "The request URL is not acceptable"));
    }

    /**
     * The platform's own internal endpoints ({@code /internal/**}, where other services deliver events) in a service
     * that serves pages and so declares its own chains: bearer tokens with the {@code SERVICE} role, no session, no
     * CSRF token, refusals answered as problems.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @ConditionalOnBean(SecurityFilterChain.class)
    SecurityFilterChain internalEndpointsSecurityFilterChain(
            HttpSecurity http, ProblemResponses problems, JwtAuthenticationConverter jwtAuthenticationConverter)
            throws Exception {
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(problems);
        http.securityMatcher("/internal/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint))
                .oauth2ResourceServer(server -> server.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(entryPoint)
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAuthenticationConverter)))
                .authorizeHttpRequests(rules -> rules.anyRequest().hasRole(Roles.SERVICE));
        return http.build();
    }

    /** The API's chain; a service that serves pages to browsers declares its own chains instead. */
    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain apiSecurityFilterChain(
            HttpSecurity http,
            ObjectProvider<EndpointAccessRules> serviceRules,
            RouteResolver routes,
            ProblemResponses problems,
            JwtAuthenticationConverter jwtAuthenticationConverter)
            throws Exception {
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(problems);
        List<String> publicPaths = new ArrayList<>(PLATFORM_PUBLIC_PATHS);
        serviceRules.orderedStream().forEach(rules -> publicPaths.addAll(rules.publicPaths()));
        List<RequestMatcher> publicMatchers = publicPaths.stream()
                .map(path -> (RequestMatcher)
                        PathPatternRequestMatcher.withDefaults().matcher(path))
                .toList();

        http.csrf(AbstractHttpConfigurer::disable)
                .cors(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint))
                .oauth2ResourceServer(
                        server -> server.bearerTokenResolver(new PublicPathsIgnoringTokenResolver(publicMatchers))
                                .authenticationEntryPoint(entryPoint)
                                .accessDeniedHandler(entryPoint)
                                .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAuthenticationConverter)))
                .authorizeHttpRequests(rules -> {
                    rules.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC)
                            .permitAll();
                    rules.requestMatchers(publicMatchers.toArray(RequestMatcher[]::new))
                            .permitAll();
                    rules.requestMatchers(request -> !routes.hasRoute(request)).permitAll();
                    rules.requestMatchers("/internal/**").hasRole(Roles.SERVICE);
                    serviceRules.orderedStream().forEach(service -> service.authorize(rules));
                    rules.anyRequest().authenticated();
                });
        return http.build();
    }
}
