package com.financetracker.web.api;

import java.util.List;

/**
 * What an import did, or would do in a dry run: {@code errors} lists the first lines with errors, {@code errorCount}
 * counts them all.
 */
public record ImportResult(int imported, int duplicates, List<LineError> errors, int errorCount, boolean dryRun) {

    /** A line of the file that cannot be imported, and why. */
    public record LineError(long line, String message) {}
}
