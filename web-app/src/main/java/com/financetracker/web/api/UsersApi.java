package com.financetracker.web.api;

import com.financetracker.web.config.WebAppProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** The user service's API: accounts, tokens and, for administrators, the users. */
@Component
public class UsersApi {

    public static final String SERVICE = "user service";
    private static final MediaType MERGE_PATCH = MediaType.parseMediaType("application/merge-patch+json");
    private static final ParameterizedTypeReference<List<Profile>> PROFILES = new ParameterizedTypeReference<>() {};

    private final Downstream service;

    public UsersApi(DownstreamFactory downstreams, WebAppProperties properties) {
        this.service = downstreams.create(SERVICE, properties.usersUrl());
    }

    public Profile register(Caller anonymous, String email, String password, @Nullable String displayName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("password", password);
        if (displayName != null && !displayName.isBlank()) {
            body.put("displayName", displayName);
        }
        return service.call(anonymous, rest -> json(rest.post().uri("/register"), body), Profile.class)
                .requireBody();
    }

    /** Logs in; 401 (wrong email or password), 403 (disabled) and 429 (throttled) are {@link ApiProblemException}s. */
    public TokenPair login(Caller anonymous, String email, String password) {
        return service.call(
                        anonymous,
                        rest -> json(rest.post().uri("/login"), Map.of("email", email, "password", password)),
                        TokenPair.class)
                .requireBody();
    }

    /** A new token pair for a refresh token; 401 when it expired, was revoked or was already used. */
    public TokenPair refresh(Caller anonymous, String refreshToken) {
        return service.call(
                        anonymous,
                        rest -> json(rest.post().uri("/token/refresh"), Map.of("refresh_token", refreshToken)),
                        TokenPair.class)
                .requireBody();
    }

    public void logout(Caller anonymous, String refreshToken) {
        service.call(
                anonymous, rest -> json(rest.post().uri("/logout"), Map.of("refresh_token", refreshToken)), Void.class);
    }

    public Profile me(Caller caller) {
        return service.call(caller, rest -> rest.get().uri("/users/me"), Profile.class)
                .requireBody();
    }

    /** Changes the display name and the default currency (null clears it). */
    public Profile updateMe(Caller caller, String displayName, @Nullable String defaultCurrency) {
        Map<String, @Nullable Object> patch = new LinkedHashMap<>();
        patch.put("displayName", displayName);
        patch.put("defaultCurrency", defaultCurrency);
        return service.call(
                        caller,
                        rest -> rest.patch()
                                .uri("/users/me")
                                .contentType(MERGE_PATCH)
                                .body(patch),
                        Profile.class)
                .requireBody();
    }

    public void changePassword(Caller caller, String currentPassword, String newPassword) {
        service.call(
                caller,
                rest -> json(
                        rest.put().uri("/users/me/password"),
                        Map.of("currentPassword", currentPassword, "newPassword", newPassword)),
                Void.class);
    }

    public void deleteAccount(Caller caller, String password) {
        service.call(
                caller,
                rest -> rest.method(org.springframework.http.HttpMethod.DELETE)
                        .uri("/users/me")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("password", password)),
                Void.class);
    }

    /** Administrators: the users whose email or name contains {@code q}, in email order. */
    public Page<Profile> users(Caller caller, @Nullable String q, @Nullable String cursor, int limit) {
        Reply<List<Profile>> reply = service.call(
                caller,
                rest -> rest.get()
                        .uri(uri -> Parameters.uri(
                                uri, "/users", "limit", Integer.toString(limit), "q", q, "cursor", cursor)),
                PROFILES);
        return new Page<>(reply.requireBody(), reply.nextCursor(), -1);
    }

    /** Administrators: one user. */
    public Profile user(Caller caller, UUID id) {
        return service.call(caller, rest -> rest.get().uri("/users/{id}", id), Profile.class)
                .requireBody();
    }

    /** Administrators: changes a user's roles and whether the account is disabled. */
    public Profile updateUser(Caller caller, UUID id, Map<String, Object> patch) {
        return service.call(
                        caller,
                        rest -> rest.patch()
                                .uri("/users/{id}", id)
                                .contentType(MERGE_PATCH)
                                .body(patch),
                        Profile.class)
                .requireBody();
    }

    private static org.springframework.web.client.RestClient.RequestBodySpec json(
            org.springframework.web.client.RestClient.RequestBodySpec request, Object body) {
        request.contentType(MediaType.APPLICATION_JSON).body(body);
        return request;
    }
}
