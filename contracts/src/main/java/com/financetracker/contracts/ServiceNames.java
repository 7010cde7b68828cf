package com.financetracker.contracts;

/**
 * The services that send events or call each other's internal endpoints, by the name each one has everywhere: its
 * {@code spring.application.name}, its client id at the user service, and so the subject of its service tokens.
 * Receivers check senders against these names, so a service can send only what is declared as its own.
 */
public final class ServiceNames {

    /** Signs its own service tokens, as the issuer; no client may take its name. */
    public static final String USER_SERVICE = "user-service";

    public static final String EXPENSE_SERVICE = "expense-service";
    public static final String INSIGHTS_SERVICE = "insights-service";

    private ServiceNames() {}
}
