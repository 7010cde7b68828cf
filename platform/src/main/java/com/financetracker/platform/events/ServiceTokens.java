package com.financetracker.platform.events;

/** Access tokens with the {@code SERVICE} role, for calls from this service to another. */
public interface ServiceTokens {

    /** A currently valid token, obtained or renewed as needed. */
    String accessToken() throws DeliveryException;

    /** Forgets the cached token, after a receiver refused it. */
    default void invalidate() {}
}
