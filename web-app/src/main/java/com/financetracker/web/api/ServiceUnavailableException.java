package com.financetracker.web.api;

import org.jspecify.annotations.Nullable;

/** A service answered 5xx, timed out or could not be reached; the part of the page it feeds says so. */
public class ServiceUnavailableException extends RuntimeException {

    private final String service;

    public ServiceUnavailableException(String service, @Nullable Throwable cause) {
        super("The " + service + " is unavailable", cause);
        this.service = service;
    }

    /** The service's name as a person reads it: "expense service". */
    public String service() {
        return service;
    }

    /** What the page says in the part the service feeds. */
    public String sentence() {
        return sentence(service);
    }

    public static String sentence(String service) {
        return "The " + service + " is unavailable right now; try again in a moment.";
    }
}
