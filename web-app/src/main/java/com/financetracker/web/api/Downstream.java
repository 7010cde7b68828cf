package com.financetracker.web.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * One service the web app calls: every call carries the person's access token and the request id; a 401 renews the
 * token once and repeats the call; a 5xx, a timeout or a refused connection becomes {@link
 * ServiceUnavailableException}; another 4xx becomes {@link ApiProblemException} with the problem's field errors.
 */
public final class Downstream {

    private static final Logger log = LoggerFactory.getLogger(Downstream.class);
    private static final String REQUEST_ID = "X-Request-Id";

    private final String name;
    private final RestClient rest;

    Downstream(String name, RestClient rest) {
        this.name = name;
        this.rest = rest;
    }

    /** The service's name as a person reads it: "expense service". */
    public String name() {
        return name;
    }

    /** Makes a call and reads its body as {@code type} ({@code Void} for none). */
    public <T> Reply<T> call(
            Caller caller,
            Function<RestClient, RestClient.RequestHeadersSpec<?>> request,
            ParameterizedTypeReference<T> type) {
        String token = caller.accessToken();
        Reply<T> reply = once(token, caller.requestId(), request, type);
        if (reply.status() == HttpStatus.UNAUTHORIZED.value() && token != null) {
            reply = once(caller.accessTokenAfterRejection(token), caller.requestId(), request, type);
            if (reply.status() == HttpStatus.UNAUTHORIZED.value()) {
                throw new SessionEndedException();
            }
        }
        if (reply.status() == HttpStatus.UNAUTHORIZED.value()) {
            throw new ApiProblemException(401, null, null, List.of(), reply.headers());
        }
        return reply;
    }

    public <T> Reply<T> call(
            Caller caller, Function<RestClient, RestClient.RequestHeadersSpec<?>> request, Class<T> type) {
        return call(caller, request, ParameterizedTypeReference.forType(type));
    }

    /**
     * Makes a call whose body is copied as it arrives (a CSV export of any size); {@code body} receives the answer's
     * headers and body stream.
     */
    public void stream(
            Caller caller, Function<RestClient, RestClient.RequestHeadersSpec<?>> request, BodyConsumer body) {
        String token = caller.accessToken();
        boolean streamed = streamOnce(token, caller.requestId(), request, body);
        if (!streamed && token != null) {
            if (!streamOnce(caller.accessTokenAfterRejection(token), caller.requestId(), request, body)) {
                throw new SessionEndedException();
            }
        }
    }

    /** Receives a streamed answer. */
    @FunctionalInterface
    public interface BodyConsumer {
        void accept(HttpHeaders headers, InputStream body) throws IOException;
    }

    private <T> Reply<T> once(
            @Nullable String token,
            @Nullable String requestId,
            Function<RestClient, RestClient.RequestHeadersSpec<?>> request,
            ParameterizedTypeReference<T> type) {
        try {
            return request.apply(rest)
                    .headers(headers -> authorize(headers, token, requestId))
                    .exchange(
                            (clientRequest, response) -> {
                                int status = response.getStatusCode().value();
                                if (status == HttpStatus.UNAUTHORIZED.value()) {
                                    return new Reply<T>(status, response.getHeaders(), null);
                                }
                                refuseErrors(status, response.getHeaders(), () -> response.bodyTo(Problem.class));
                                boolean empty = status == HttpStatus.NO_CONTENT.value()
                                        || type.getType() == Void.class
                                        || response.getHeaders().getContentLength() == 0;
                                T body = empty ? null : response.bodyTo(type);
                                return new Reply<>(status, response.getHeaders(), body);
                            },
                            true);
        } catch (ResourceAccessException e) {
            log.warn("The {} could not be reached: {}", name, e.getMessage());
            throw new ServiceUnavailableException(name, e);
        } catch (RestClientException | UncheckedIOException e) {
            log.warn("The {} answered something the web app could not read: {}", name, e.getMessage());
            throw new ServiceUnavailableException(name, e);
        }
    }

    private boolean streamOnce(
            @Nullable String token,
            @Nullable String requestId,
            Function<RestClient, RestClient.RequestHeadersSpec<?>> request,
            BodyConsumer body) {
        try {
            return Boolean.TRUE.equals(request.apply(rest)
                    .headers(headers -> authorize(headers, token, requestId))
                    .exchange(
                            (clientRequest, response) -> {
                                int status = response.getStatusCode().value();
                                if (status == HttpStatus.UNAUTHORIZED.value()) {
                                    return false;
                                }
                                refuseErrors(status, response.getHeaders(), () -> response.bodyTo(Problem.class));
                                body.accept(response.getHeaders(), response.getBody());
                                return true;
                            },
                            true));
        } catch (ResourceAccessException e) {
            log.warn("The {} could not be reached: {}", name, e.getMessage());
            throw new ServiceUnavailableException(name, e);
        }
    }

    private void refuseErrors(int status, HttpHeaders headers, ProblemReader problem) throws IOException {
        if (status >= 500) {
            log.warn("The {} answered {}", name, status);
            throw new ServiceUnavailableException(name, null);
        }
        if (status >= 400) {
            Problem body = isProblem(headers) ? readQuietly(problem) : null;
            throw new ApiProblemException(
                    status,
                    body == null ? null : body.type(),
                    body == null ? null : body.detail(),
                    body == null || body.errors() == null ? List.of() : body.errors(),
                    headers);
        }
    }

    private static boolean isProblem(HttpHeaders headers) {
        MediaType type = headers.getContentType();
        return type != null
                && (type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                        || type.isCompatibleWith(MediaType.APPLICATION_JSON));
    }

    private @Nullable Problem readQuietly(ProblemReader problem) {
        try {
            return problem.read();
        } catch (IOException | RestClientException e) {
            log.debug("The {} sent a problem the web app could not read: {}", name, e.getMessage());
            return null;
        }
    }

    private static void authorize(HttpHeaders headers, @Nullable String token, @Nullable String requestId) {
        if (token != null) {
            headers.setBearerAuth(token);
        }
        if (requestId != null) {
            headers.set(REQUEST_ID, requestId);
        }
    }

    @FunctionalInterface
    private interface ProblemReader {
        @Nullable
        Problem read() throws IOException;
    }

    /** The parts of an RFC 9457 problem the pages use. */
    record Problem(
            @Nullable String type,
            @Nullable String detail,
            @Nullable List<FieldProblem> errors) {}
}
