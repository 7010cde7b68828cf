package com.financetracker.analytics.dashboard;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The dashboard's Content-Security-Policy on every response of this service, whatever path served it: the page at
 * {@code /} and {@code /index.html}, the same file reached through the static resources under another spelling
 * ({@code /index.html/}), its script and style, the chart library, errors and the JSON the page calls. Setting it on
 * the page's route alone left the static copies without it. Only springdoc's Swagger UI, which is not the dashboard
 * and loads styles this policy refuses, goes without.
 */
@Configuration(proxyBeanMethods = false)
class DashboardSecurityHeaders {

    /** Everything the page loads and calls is this service's own, whatever host name it was opened with. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none';"
            + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static final List<PathPattern> SWAGGER_UI = List.of(
            PathPatternParser.defaultInstance.parse("/swagger-ui.html"),
            PathPatternParser.defaultInstance.parse("/swagger-ui/**"));

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> dashboardContentSecurityPolicy() {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(
                            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                            throws ServletException, IOException {
                        if (!isSwaggerUi(request)) {
                            response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                        }
                        chain.doFilter(request, response);
                    }
                });
        // before security and the request filters, so that refusals and errors carry it too
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    private static boolean isSwaggerUi(HttpServletRequest request) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        PathContainer path = PathContainer.parsePath(uri);
        return SWAGGER_UI.stream().anyMatch(pattern -> pattern.matches(path));
    }
}
