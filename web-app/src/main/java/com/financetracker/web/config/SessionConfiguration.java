package com.financetracker.web.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/** Sessions in PostgreSQL (Spring Session JDBC), shared by the web app's replicas and kept across restarts. */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    /** The request attribute saying that the browser came with a session that no longer exists. */
    static final String SESSION_ENDED = SessionConfiguration.class.getName() + ".ended";

    /**
     * Upserts for session attributes: two tabs whose requests add the same attribute at the same moment (the first
     * CSRF token after login) would otherwise collide on the attributes' primary key.
     */
    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgreSqlSessionQueries() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }

    /**
     * Notes, before anything creates a new session, that the browser's session cookie names a session that has
     * expired, so that the login page can say why it is shown.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> endedSessionDetector() {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(
                            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                            throws ServletException, IOException {
                        if (request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid()) {
                            request.setAttribute(SESSION_ENDED, Boolean.TRUE);
                        }
                        chain.doFilter(request, response);
                    }
                });
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
        return registration;
    }

    static boolean sessionEnded(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(SESSION_ENDED));
    }
}
