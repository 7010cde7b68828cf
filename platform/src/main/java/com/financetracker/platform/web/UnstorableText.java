package com.financetracker.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Keeps out text PostgreSQL cannot store faithfully: a NUL character fails the query, and half of a UTF-16 surrogate
 * pair (possible through a JSON escape such as {@code "\ud800"}) is silently stored as '?'. Either is refused with a
 * 400 at the edge, in JSON strings and in request parameters, for every service.
 */
public final class UnstorableText {

    static final String MESSAGE = "must not contain NUL characters or unpaired surrogates";

    private UnstorableText() {}

    /** A Jackson module whose string deserializer refuses unstorable text. */
    public static SimpleModule jacksonModule() {
        return new SimpleModule("finance-unstorable-text").addDeserializer(String.class, new RefusingDeserializer());
    }

    /** A filter refusing requests whose parameters (query string or form) hold unstorable text. */
    public static OncePerRequestFilter parameterFilter(ProblemResponses problems) {
        return new ParameterFilter(problems);
    }

    /** Whether the text holds a NUL character or an unpaired surrogate. */
    static boolean isUnstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** A JSON string held unstorable text. */
    static final class UnstorableTextException extends InvalidFormatException {
        UnstorableTextException(JsonParser parser, String value) {
            super(parser, "string " + MESSAGE, value, String.class);
        }
    }

    private static final class RefusingDeserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            if (value != null && isUnstorable(value)) {
                throw new UnstorableTextException(parser, value);
            }
            return value;
        }
    }

    private static final class ParameterFilter extends OncePerRequestFilter {

        private final ProblemResponses problems;

        ParameterFilter(ProblemResponses problems) {
            this.problems = problems;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            for (Map.Entry<String, String[]> parameter :
                    request.getParameterMap().entrySet()) {
                if (unstorable(parameter.getKey()) || unstorable(parameter.getValue())) {
                    String name = isUnstorable(parameter.getKey()) ? "parameter" : parameter.getKey();
                    ProblemException invalid = ProblemException.invalidField(name, MESSAGE);
                    problems.write(request, response, invalid.getBody());
                    return;
                }
            }
            chain.doFilter(request, response);
        }

        private static boolean unstorable(String... values) {
            for (String value : values) {
                if (value != null && isUnstorable(value)) {
                    return true;
                }
            }
            return false;
        }
    }
}
