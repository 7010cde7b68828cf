package com.financetracker.platform.events;

/** Access tokens with the {@code SERVICE} role, for calls from this service to another. */
public interface ServiceTokens {

    /** A currently valid token, obtained or renewed as needed. */
    String accessToken() throws DeliveryException;

    /** Forgets the cached token, after a receiver refused it. */
    default void invalidate() {}

    /** For a service that cannot obtain tokens: every delivery over HTTP fails, saying why. */
    static ServiceTokens missing(String reason) {
        return () -> {
            throw DeliveryException.transientFailure("No service token can be obtained: " + reason);
        };
    }
}
