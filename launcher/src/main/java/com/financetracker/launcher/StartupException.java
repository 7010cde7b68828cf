package com.financetracker.launcher;

/** The stack could not start; the message tells the user what to do. */
public final class StartupException extends RuntimeException {

    StartupException(String message) {
        super(message);
    }

    StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
