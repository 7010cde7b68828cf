package com.financetracker.web.config;

import com.financetracker.web.session.TokensLogoutHandler;
import com.financetracker.web.session.UserServiceAuthenticationProvider;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * The browser's side of security: a session cookie, form login through the user service, CSRF tokens on every
 * state-changing request (forms and htmx alike), a strict Content-Security-Policy, and pages that say in a sentence
 * why a request was refused.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Scripts and styles only from the web app itself: no inline script, no inline style, no eval. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self';"
            + " frame-ancestors 'none'";

    static final List<String> PUBLIC_PATHS = List.of(
            "/login",
            "/login/failed",
            "/signup",
            "/css/**",
            "/js/**",
            "/webjars/**",
            "/favicon.svg",
            "/favicon.ico",
            "/actuator/health",
            "/actuator/health/**",
            "/actuator/prometheus",
            "/error");

    @Bean
    AuthenticationManager authenticationManager(UserServiceAuthenticationProvider provider) {
        return new ProviderManager(provider);
    }

    @Bean
    CsrfTokenRepository csrfTokenRepository() {
        return new HttpSessionCsrfTokenRepository();
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    /** What a login from a controller (after sign-up) does to the session, as form login does. */
    @Bean
    SessionAuthenticationStrategy sessionAuthenticationStrategy(CsrfTokenRepository csrfTokens) {
        return new CompositeSessionAuthenticationStrategy(
                List.of(new ChangeSessionIdAuthenticationStrategy(), new CsrfAuthenticationStrategy(csrfTokens)));
    }

    @Bean
    SecurityFilterChain pageSecurityFilterChain(
            HttpSecurity http,
            AuthenticationManager authenticationManager,
            CsrfTokenRepository csrfTokens,
            SecurityContextRepository contexts,
            TokensLogoutHandler tokensLogout)
            throws Exception {
        SimpleUrlAuthenticationFailureHandler loginFailed = new SimpleUrlAuthenticationFailureHandler("/login/failed");
        loginFailed.setUseForward(true);
        SavedRequestAwareAuthenticationSuccessHandler loggedIn = new SavedRequestAwareAuthenticationSuccessHandler();
        loggedIn.setDefaultTargetUrl("/");
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        requestCache.setRequestMatcher(SecurityConfiguration::isPageRequest);
        PageSecurityHandlers handlers = new PageSecurityHandlers();

        http.authenticationManager(authenticationManager)
                .securityContext(context -> context.securityContextRepository(contexts))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                .requestCache(cache -> cache.requestCache(requestCache))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.loginPage("/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .successHandler(loggedIn)
                        .failureHandler(loginFailed))
                .logout(logout -> logout.logoutUrl("/logout")
                        .addLogoutHandler(tokensLogout)
                        .logoutSuccessUrl("/login?logout"))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frames -> frames.deny()))
                .authorizeHttpRequests(rules -> rules.dispatcherTypeMatchers(
                                DispatcherType.ERROR, DispatcherType.FORWARD, DispatcherType.ASYNC)
                        .permitAll()
                        .requestMatchers(PUBLIC_PATHS.toArray(String[]::new))
                        .permitAll()
                        .requestMatchers("/admin/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated());
        return http.build();
    }

    /**
     * Only pages a person asked for are worth returning to after login: a GET that accepts HTML, not an htmx
     * fragment, a form post, or the icon or a script the browser fetched on its own.
     */
    private static boolean isPageRequest(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return "GET".equals(request.getMethod())
                && !Htmx.isHtmx(request)
                && accept != null
                && accept.contains(MediaType.TEXT_HTML_VALUE);
    }
}
