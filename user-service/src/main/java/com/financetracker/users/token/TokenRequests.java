package com.financetracker.users.token;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The request bodies of the token endpoints. */
final class TokenRequests {

    private TokenRequests() {}

    record Login(
            @NotBlank @Size(max = 254) String email,
            @NotNull @Size(max = 128) String password) {}

    record Refresh(
            @JsonProperty("refresh_token") @NotBlank @Size(max = 200)
            String refreshToken) {}
}
