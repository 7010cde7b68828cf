package com.financetracker.web.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The htmx request and response headers the web app uses. */
public final class Htmx {

    public static final String REQUEST = "HX-Request";
    public static final String REDIRECT = "HX-Redirect";
    public static final String RETARGET = "HX-Retarget";
    public static final String RESWAP = "HX-Reswap";
    public static final String TRIGGER = "HX-Trigger";

    private Htmx() {}

    /** Whether htmx made the request, so that it expects a fragment rather than a page. */
    public static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader(REQUEST));
    }

    /** Sends the browser to {@code location}: a redirect for a page, an {@code HX-Redirect} for htmx. */
    public static void redirect(HttpServletRequest request, HttpServletResponse response, String location)
            throws java.io.IOException {
        String url = request.getContextPath() + location;
        if (isHtmx(request)) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader(REDIRECT, url);
        } else {
            response.sendRedirect(url);
        }
    }
}
