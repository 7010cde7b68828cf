package com.financetracker.users.throttle;

import com.financetracker.platform.web.ProblemException;
import com.financetracker.platform.web.ProblemType;
import java.time.Duration;
import org.springframework.http.HttpHeaders;

/** A limit was reached; says when to try again. */
public final class TooManyRequestsException extends ProblemException {

    private TooManyRequestsException(String detail, Duration retryAfter) {
        super(ProblemType.TOO_MANY_REQUESTS, detail);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(retryAfter)));
    }

    /** Too many failed password checks for an account or from an address. */
    public static TooManyRequestsException failedAttempts(Duration retryAfter) {
        return new TooManyRequestsException(
                "Too many failed attempts; try again in " + seconds(retryAfter) + " seconds", retryAfter);
    }

    /** Too many requests of a kind that costs the service a password hash. */
    public static TooManyRequestsException requests(Duration retryAfter) {
        return new TooManyRequestsException(
                "Too many requests; try again in " + seconds(retryAfter) + " seconds", retryAfter);
    }

    private static long seconds(Duration retryAfter) {
        return Math.max(1, retryAfter.toSeconds() + (retryAfter.toMillisPart() > 0 ? 1 : 0));
    }
}
