package com.financetracker.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finishes and writes problem responses, so every error path (controllers, security, filters, the container's
 * error page) produces the same shape: type, title, status, detail, instance and the request id.
 */
public final class ProblemResponses {

    private final JsonMapper jsonMapper;

    public ProblemResponses(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    /** A problem of a generic type with the given detail. */
    public static ProblemDetail of(ProblemType type, String detail) {
        return of(type.status(), type.uri(), type.title(), detail);
    }

    /** The one place problems are made: every error path starts here, then {@link #complete} fills in the rest. */
    public static ProblemDetail of(HttpStatusCode status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    /** Fills in what the thrower could not know: the generic type and title, the instance and the request id. */
    public static ProblemDetail complete(ProblemDetail problem, HttpServletRequest request) {
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            ProblemType type = ProblemType.forStatus(problem.getStatus());
            problem.setType(type.uri());
            problem.setTitle(type.title());
        }
        if (problem.getInstance() == null) {
            problem.setInstance(instance(request));
        }
        String requestId = RequestId.of(request);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }

    /** The problem as JSON, for code that writes to the container's own response (the error report valve). */
    String json(ProblemDetail problem) {
        return jsonMapper.writeValueAsString(problem);
    }

    /** Writes a problem straight to the response, for code that runs outside Spring MVC (filters, security). */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        complete(problem, request);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        jsonMapper.writeValue(response.getOutputStream(), problem);
    }

    private static @Nullable URI instance(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = original instanceof String uri ? uri : request.getRequestURI();
        try {
            return URI.create(path);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
