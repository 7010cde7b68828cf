package com.financetracker.web.session;

import org.springframework.security.core.AuthenticationException;

/** Why a login did not succeed, as the login page says it: one plain sentence. */
public class LoginRefusedException extends AuthenticationException {

    private final int status;

    LoginRefusedException(int status, String sentence) {
        super(sentence);
        this.status = status;
    }

    /** The HTTP status the login page answers with: 401, 403, 429 or 503. */
    public int status() {
        return status;
    }

    static LoginRefusedException wrongCredentials() {
        return new LoginRefusedException(401, "Wrong email or password.");
    }

    static LoginRefusedException disabled() {
        return new LoginRefusedException(403, "This account has been disabled by an administrator.");
    }

    static LoginRefusedException throttled(long seconds) {
        return new LoginRefusedException(
                429, "Too many failed attempts. Wait " + waitText(seconds) + " before you try again.");
    }

    static LoginRefusedException unavailable() {
        return new LoginRefusedException(
                503, "Logging in is not possible right now: the user service is unavailable. Try again in a moment.");
    }

    /** "45 seconds", "1 minute", "5 minutes". */
    static String waitText(long seconds) {
        if (seconds < 60) {
            return seconds == 1 ? "1 second" : seconds + " seconds";
        }
        long minutes = (seconds + 59) / 60;
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
