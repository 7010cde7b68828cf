package com.financetracker.web.api;

/** The person's session can no longer call the services (its refresh token expired or was revoked): log in again. */
public class SessionEndedException extends RuntimeException {

    public SessionEndedException() {
        super("The session has ended", null, false, false);
    }
}
