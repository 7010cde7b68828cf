package com.financetracker.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A plain HTTP client for tests that call a running service over a real socket, the way any client does: no
 * shortcuts through the framework, every header and status as sent on the wire.
 */
public final class ApiClient {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final String baseUrl;
    private final HttpClient http;

    public ApiClient(String baseUrl) {
        this(baseUrl, HTTP);
    }

    private ApiClient(String baseUrl, HttpClient http) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.http = http;
    }

    public static ApiClient onPort(int port) {
        return new ApiClient("http://localhost:" + port);
    }

    /**
     * A client whose connections come from another loopback address (such as {@code 127.0.0.2}), so the service
     * sees a second client address, as it would see another machine.
     */
    public static ApiClient onPortFrom(int port, String loopbackAddress) {
        try {
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .localAddress(InetAddress.getByName(loopbackAddress))
                    .build();
            return new ApiClient("http://127.0.0.1:" + port, http);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(loopbackAddress, e);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Request get(String path) {
        return new Request("GET", path);
    }

    public Request post(String path) {
        return new Request("POST", path);
    }

    public Request put(String path) {
        return new Request("PUT", path);
    }

    public Request patch(String path) {
        return new Request("PATCH", path);
    }

    public Request delete(String path) {
        return new Request("DELETE", path);
    }

    public Request method(String method, String path) {
        return new Request(method, path);
    }

    /** One request being built; {@link #send()} performs it. */
    public final class Request {

        private final String method;
        private final HttpRequest.Builder builder;
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

        private Request(String method, String path) {
            this.method = method;
            this.builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        }

        /** How long to wait for the answer (30 s unless set). */
        public Request timeout(Duration timeout) {
            builder.timeout(timeout);
            return this;
        }

        public Request header(String name, String value) {
            builder.header(name, value);
            return this;
        }

        public Request bearer(@Nullable String token) {
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            return this;
        }

        /** A JSON body, sent with {@code Content-Type: application/json}. */
        public Request json(String json) {
            return body("application/json", json);
        }

        public Request body(String contentType, String content) {
            builder.header("Content-Type", contentType);
            body = HttpRequest.BodyPublishers.ofString(content);
            return this;
        }

        public Request body(String contentType, byte[] content) {
            builder.header("Content-Type", contentType);
            body = HttpRequest.BodyPublishers.ofByteArray(content);
            return this;
        }

        /** A form-encoded body, as HTML forms and OAuth2 clients send. */
        public Request form(String encoded) {
            return body("application/x-www-form-urlencoded", encoded);
        }

        public ApiResponse send() {
            try {
                HttpResponse<String> response =
                        http.send(builder.method(method, body).build(), HttpResponse.BodyHandlers.ofString());
                return new ApiResponse(response.statusCode(), response.headers(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(method + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(method + " interrupted", e);
            }
        }
    }
}
