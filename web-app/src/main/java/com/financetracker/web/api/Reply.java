package com.financetracker.web.api;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/** A successful answer of a service: its status, headers and body (null for 204). */
public record Reply<T>(
        int status, HttpHeaders headers, @Nullable T body) {

    private static final Pattern NEXT = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?next\"?");

    public T requireBody() {
        if (body == null) {
            throw new IllegalStateException("The service answered " + status + " without a body");
        }
        return body;
    }

    /** The {@code cursor} parameter of the {@code Link: <…>; rel="next"} header, when there is a next page. */
    public @Nullable String nextCursor() {
        String link = headers.getFirst(HttpHeaders.LINK);
        if (link == null) {
            return null;
        }
        Matcher next = NEXT.matcher(link);
        if (!next.find()) {
            return null;
        }
        String cursor = UriComponentsBuilder.fromUriString(next.group(1))
                .build()
                .getQueryParams()
                .getFirst("cursor");
        return cursor == null ? null : UriUtils.decode(cursor, StandardCharsets.UTF_8);
    }

    public long longHeader(String name, long otherwise) {
        String value = headers.getFirst(name);
        try {
            return value == null ? otherwise : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
