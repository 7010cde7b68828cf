package com.financetracker.web.config;

import com.financetracker.web.error.PageErrors;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * What a refused request sees. Without a session: the login page, saying so when the session has expired (htmx gets
 * an {@code HX-Redirect} instead of a login page inside a fragment). A form whose CSRF token no longer matches: the
 * login page again when the session is gone, else a sentence asking to reload. A page for administrators only: a
 * sentence saying so.
 */
final class PageSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException authException)
            throws IOException {
        Htmx.redirect(request, response, sessionExpired(request) ? "/login?expired" : "/login");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException accessDenied)
            throws IOException, ServletException {
        if (accessDenied instanceof CsrfException) {
            if (sessionExpired(request)) {
                Htmx.redirect(request, response, "/login?expired");
                return;
            }
            PageErrors.send(
                    request,
                    response,
                    HttpServletResponse.SC_FORBIDDEN,
                    "This form has expired. Reload the page and try again.");
            return;
        }
        PageErrors.send(request, response, HttpServletResponse.SC_FORBIDDEN, "This page is for administrators.");
    }

    /** The browser sent a session cookie, but its session is gone (timed out, or logged out in another tab). */
    private static boolean sessionExpired(HttpServletRequest request) {
        return SessionConfiguration.sessionEnded(request);
    }
}
