package com.financetracker.platform.events;

/**
 * An event could not be delivered. A transient failure (receiver down, timeout) is retried with backoff; a permanent
 * one (the receiver refuses the event itself) marks the event dead.
 */
public class DeliveryException extends Exception {

    private final boolean permanent;

    private DeliveryException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public static DeliveryException transientFailure(String message) {
        return new DeliveryException(message, false, null);
    }

    public static DeliveryException transientFailure(String message, Throwable cause) {
        return new DeliveryException(message, false, cause);
    }

    public static DeliveryException permanentFailure(String message) {
        return new DeliveryException(message, true, null);
    }

    public boolean isPermanent() {
        return permanent;
    }
}
