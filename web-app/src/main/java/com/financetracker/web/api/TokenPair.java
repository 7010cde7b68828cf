package com.financetracker.web.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The user service's token answer (RFC 6749 §5.1). Never logged, never sent to the browser. */
public record TokenPair(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("refresh_token") String refreshToken) {

    @Override
    public String toString() {
        return "TokenPair[expiresIn=" + expiresIn + "]";
    }
}
