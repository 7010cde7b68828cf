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
 * Keeps NUL characters out: PostgreSQL cannot store them in text, so a NUL in a JSON string or a request parameter
 * is refused with a 400 at the edge instead of failing deep inside a query.
 */
public final class NulCharacters {

    static final String MESSAGE = "must not contain NUL characters";

    private NulCharacters() {}

    /** A Jackson module whose string deserializer refuses NUL characters. */
    public static SimpleModule jacksonModule() {
        return new SimpleModule("finance-nul-characters").addDeserializer(String.class, new RefusingDeserializer());
    }

    /** A filter refusing requests whose parameters (query string or form) contain NUL characters. */
    public static OncePerRequestFilter parameterFilter(ProblemResponses problems) {
        return new ParameterFilter(problems);
    }

    /** A JSON string held a NUL character. */
    static final class NulCharacterException extends InvalidFormatException {
        NulCharacterException(JsonParser parser, String value) {
            super(parser, "string " + MESSAGE, value, String.class);
        }
    }

    private static final class RefusingDeserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\0') >= 0) {
                throw new NulCharacterException(parser, value);
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
                if (containsNul(parameter.getKey()) || containsNul(parameter.getValue())) {
                    ProblemException invalid =
                            ProblemException.invalidField(parameter.getKey().replace('\0', '?'), MESSAGE);
                    problems.write(request, response, invalid.getBody());
                    return;
                }
            }
            chain.doFilter(request, response);
        }

        private static boolean containsNul(String... values) {
            for (String value : values) {
                if (value != null && value.indexOf('\0') >= 0) {
                    return true;
                }
            }
            return false;
        }
    }
}
