package com.financetracker.users.token;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** A token response in the shape of RFC 6749 §5.1, which OAuth2 clients expect. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("refresh_token") @Nullable String refreshToken) {

    static TokenResponse bearer(String accessToken, long expiresIn, @Nullable String refreshToken) {
        return new TokenResponse(accessToken, "Bearer", expiresIn, refreshToken);
    }
}
