package com.financetracker.platform.test;

import java.net.http.HttpHeaders;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A response as received: status, headers and the body as text, with its JSON parsed on demand. */
public record ApiResponse(int status, HttpHeaders headers, String body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public JsonNode json() {
        return JSON.readTree(body);
    }

    public @Nullable String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public @Nullable String contentType() {
        return header("Content-Type");
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
