package com.financetracker.users.key;

/**
 * The signing key kept in the database cannot be used with the configured key-encryption key: the service does not
 * start (and a running one keeps the keys it has) rather than replace a key it cannot read. The message is the whole
 * reason, on one line; {@link SigningKeyFailureAnalyzer} reports it without a stack trace.
 */
public class SigningKeyUnavailableException extends RuntimeException {

    private final String action;

    SigningKeyUnavailableException(String reason, String action) {
        super(reason);
        this.action = action;
    }

    /** What to do about it. */
    public String action() {
        return action;
    }
}
