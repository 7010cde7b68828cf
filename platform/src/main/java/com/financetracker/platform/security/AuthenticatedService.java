package com.financetracker.platform.security;

import com.financetracker.platform.web.ProblemException;
import com.financetracker.platform.web.ProblemType;
import java.util.Arrays;

/**
 * The service a request comes from, taken from its verified service token. Declare it as a controller method parameter
 * to receive it; only tokens with the {@code SERVICE} role resolve to one. Every service token has that role, so an
 * endpoint that not every service may call names the ones that may with {@link #requireOneOf}.
 *
 * @param name the service's name: the token's subject, which is the client id it obtained the token with
 */
public record AuthenticatedService(String name) {

    /** Refuses the request (403) unless it comes from one of the named services. */
    public void requireOneOf(String... services) {
        if (!Arrays.asList(services).contains(name)) {
            throw ProblemException.of(ProblemType.FORBIDDEN, name + " may not call this endpoint");
        }
    }
}
