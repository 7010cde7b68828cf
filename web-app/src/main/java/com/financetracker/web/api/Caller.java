package com.financetracker.web.api;

import org.jspecify.annotations.Nullable;

/**
 * Who a call to a service is made for: the signed-in person's access token (or none, for the login endpoints) and
 * the id of the browser's request, so the services' logs can be matched with the web app's. Resolved on the request's
 * thread, so that calls made in parallel on other threads need nothing from it.
 */
public interface Caller {

    /** The access token to send, or null for an anonymous call. */
    @Nullable
    String accessToken();

    /**
     * A usable access token after a service rejected {@code rejected}: the one another request already got, or a new
     * one. Throws {@link SessionEndedException} when the session can no longer be renewed.
     */
    String accessTokenAfterRejection(String rejected);

    /** The id of the request being served, passed on as {@code X-Request-Id}. */
    @Nullable
    String requestId();

    static Caller anonymous(@Nullable String requestId) {
        return new Caller() {
            @Override
            public @Nullable String accessToken() {
                return null;
            }

            @Override
            public String accessTokenAfterRejection(String rejected) {
                throw new SessionEndedException();
            }

            @Override
            public @Nullable String requestId() {
                return requestId;
            }
        };
    }
}
