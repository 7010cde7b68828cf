package com.financetracker.platform.web;

import java.io.IOException;

/** Thrown while reading a request body that exceeds the configured limit; answered with 413. */
public final class PayloadTooLargeException extends IOException {

    private final long limitBytes;

    PayloadTooLargeException(long limitBytes) {
        super("request body exceeds " + limitBytes + " bytes");
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }

    String detail() {
        return "The request body must not exceed " + limitBytes + " bytes";
    }
}
