package com.financetracker.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finds the route template ({@code /expenses/{id}}) a request belongs to, also for requests that never reach a
 * controller (refused by security, wrong method) and after the container's error page has handled it: usage
 * statistics count them under their route, and security lets requests for no route through so they are answered 404
 * rather than 401. Matching uses the same specificity order as Spring MVC.
 */
public final class RouteResolver implements SmartInitializingSingleton {

    /** The request attribute keeping a request's route once resolved: security and usage recording both ask. */
    private static final String ROUTE = RouteResolver.class.getName() + ".route";

    private static final String NO_ROUTE = "";

    private final ListableBeanFactory beans;
    private final String errorPath;
    private volatile List<PathPattern> patterns = List.of();

    public RouteResolver(ListableBeanFactory beans, String errorPath) {
        this.beans = beans;
        this.errorPath = errorPath;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<PathPattern> found = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping mapping :
                beans.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                if (info.getPathPatternsCondition() != null) {
                    info.getPathPatternsCondition().getPatterns().stream()
                            .filter(pattern -> !pattern.getPatternString().equals(errorPath))
                            .forEach(found::add);
                }
            }
        }
        found.sort(PathPattern.SPECIFICITY_COMPARATOR);
        patterns = List.copyOf(found);
    }

    /** The template of the most specific route matching the request's path, or null when there is none. */
    public @Nullable String resolve(HttpServletRequest request) {
        if (request.getAttribute(ROUTE) instanceof String known) {
            return known.equals(NO_ROUTE) ? null : known;
        }
        String route = match(request);
        request.setAttribute(ROUTE, route == null ? NO_ROUTE : route);
        return route;
    }

    private @Nullable String match(HttpServletRequest request) {
        PathContainer path = PathContainer.parsePath(pathWithinApplication(request));
        for (PathPattern pattern : patterns) {
            if (pattern.matches(path)) {
                return pattern.getPatternString();
            }
        }
        return null;
    }

    public boolean hasRoute(HttpServletRequest request) {
        return resolve(request) != null;
    }

    private static String pathWithinApplication(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context.isEmpty() ? uri : uri.substring(context.length());
    }
}
