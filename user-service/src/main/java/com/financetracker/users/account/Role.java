package com.financetracker.users.account;

/** Roles a user account can hold. Services get {@code SERVICE} through the client-credentials grant instead. */
public enum Role {
    USER,
    ADMIN
}
