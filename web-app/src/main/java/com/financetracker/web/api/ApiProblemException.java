package com.financetracker.web.api;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * A service refused a request with a 4xx problem ({@code application/problem+json}): the page shows its field errors
 * next to the fields and its detail as a sentence.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9457">RFC 9457</a>
 */
public class ApiProblemException extends RuntimeException {

    private final int status;
    private final @Nullable String type;
    private final @Nullable String detail;
    private final List<FieldProblem> errors;
    private final HttpHeaders headers;

    public ApiProblemException(
            int status,
            @Nullable String type,
            @Nullable String detail,
            List<FieldProblem> errors,
            HttpHeaders headers) {
        super("A service answered " + status + (type == null ? "" : " " + type), null, false, false);
        this.status = status;
        this.type = type;
        this.detail = detail;
        this.errors = List.copyOf(errors);
        this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
    }

    public int status() {
        return status;
    }

    /** The last part of the problem type, such as {@code email-taken} for {@code urn:finance-tracker:problem:email-taken}. */
    public @Nullable String kind() {
        if (type == null) {
            return null;
        }
        int colon = type.lastIndexOf(':');
        return colon < 0 ? type : type.substring(colon + 1);
    }

    public @Nullable String detail() {
        return detail;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    /** The wait the service asked for in {@code Retry-After}, in seconds. */
    public Optional<Long> retryAfterSeconds() {
        String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Math.max(1, Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
