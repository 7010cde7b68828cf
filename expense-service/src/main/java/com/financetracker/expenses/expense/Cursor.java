package com.financetracker.expenses.expense;

import com.financetracker.platform.web.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page ends: the sort order, the last row's sort value and its id. Opaque to clients (base64url); a cursor
 * only continues the list it came from, in the same order.
 */
record Cursor(ExpenseSort sort, String value, UUID id) {

    String encode() {
        String plain = sort.parameter() + "|" + value + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a cursor this service issued for the given order; anything else is a 400. */
    static Cursor decode(String encoded, ExpenseSort expectedSort) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split("\\|");
            if (parts.length == 3 && parts[0].equals(expectedSort.parameter())) {
                Cursor cursor = new Cursor(expectedSort, parts[1], UUID.fromString(parts[2]));
                expectedSort.parse(cursor.value());
                return cursor;
            }
        } catch (RuntimeException e) {
            // reported below
        }
        throw ProblemException.invalidField("cursor", "is not a cursor of this list in this sort order");
    }

    Object sortValue() {
        return sort.parse(value);
    }
}
