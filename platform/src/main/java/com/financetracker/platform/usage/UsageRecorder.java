package com.financetracker.platform.usage;

import com.financetracker.platform.web.RouteResolver;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Records every request: method, route template (never the raw path), status and duration. It sits in front of
 * security, so requests refused with 401 or 404 are counted too, under the route they asked for or
 * {@code UNMATCHED}. Probes, metrics, API docs and static files served successfully are not API usage and are left
 * out.
 */
final class UsageRecorder extends OncePerRequestFilter {

    static final String UNMATCHED = "UNMATCHED";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final UsageAggregator aggregator;
    private final RouteResolver routes;
    private final List<PathPattern> excluded;
    private final Clock clock;

    UsageRecorder(UsageAggregator aggregator, RouteResolver routes, List<String> excludedPaths, Clock clock) {
        this.aggregator = aggregator;
        this.routes = routes;
        this.excluded = excludedPaths.stream()
                .map(PathPatternParser.defaultInstance::parse)
                .toList();
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        PathContainer path = PathContainer.parsePath(request.getRequestURI());
        for (PathPattern pattern : excluded) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long startedAt = clock.millis();
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            record(request, 500, startedAt, start);
            throw e;
        }
        if (request.isAsyncStarted()) {
            request.getAsyncContext().addListener(new AsyncListener() {
                @Override
                public void onComplete(AsyncEvent event) {
                    record(request, response.getStatus(), startedAt, start);
                }

                @Override
                public void onTimeout(AsyncEvent event) {}

                @Override
                public void onError(AsyncEvent event) {}

                @Override
                public void onStartAsync(AsyncEvent event) {}
            });
        } else {
            record(request, response.getStatus(), startedAt, start);
        }
    }

    private void record(HttpServletRequest request, int status, long startedAt, long start) {
        double durationMs = (System.nanoTime() - start) / 1_000_000.0;
        boolean staticFile = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE)
                        instanceof ResourceHttpRequestHandler
                && status < 400;
        if (staticFile) {
            return;
        }
        String route = routes.resolve(request);
        aggregator.record(method(request), route == null ? UNMATCHED : route, status, startedAt, durationMs);
    }

    private static String method(HttpServletRequest request) {
        String method = request.getMethod();
        return METHODS.contains(method) ? method : "OTHER";
    }
}
