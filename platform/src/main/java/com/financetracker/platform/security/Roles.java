package com.financetracker.platform.security;

/** The roles carried in the access token's {@code roles} claim. */
public final class Roles {

    public static final String USER = "USER";
    public static final String ADMIN = "ADMIN";
    /** Another service of the product, authenticated with the client-credentials grant. */
    public static final String SERVICE = "SERVICE";

    /** The access-token claim holding the roles. */
    public static final String CLAIM = "roles";

    private Roles() {}
}
