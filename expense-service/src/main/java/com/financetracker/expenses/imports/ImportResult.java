package com.financetracker.expenses.imports;

import java.util.List;

/**
 * What an import did.
 *
 * @param imported expenses added (with dryRun: that would be added)
 * @param duplicates rows skipped because the same expense is already there
 * @param errors the rows not imported, by line of the file, and why: the first 100 of them
 * @param errorCount how many rows were not imported because of an error, listed in {@code errors} or not
 * @param dryRun true when nothing was stored
 */
record ImportResult(int imported, int duplicates, List<LineError> errors, int errorCount, boolean dryRun) {

    /** A row that could not be imported. */
    record LineError(long line, String message) {}
}
