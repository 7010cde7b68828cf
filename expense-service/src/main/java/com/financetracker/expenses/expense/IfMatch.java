package com.financetracker.expenses.expense;

import org.jspecify.annotations.Nullable;

/**
 * The version an {@code If-Match} header asks for. Absent or {@code *}: any version will do. A weak or unreadable tag
 * matches no version (If-Match uses strong comparison), so the change is refused with 412.
 */
record IfMatch(@Nullable Integer version, boolean any) {

    private static final IfMatch ANY = new IfMatch(null, true);
    private static final IfMatch NONE = new IfMatch(-1, false);

    static IfMatch parse(@Nullable String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return ANY;
        }
        String tag = header.strip();
        if (tag.length() > 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            try {
                return new IfMatch(Integer.parseInt(tag.substring(1, tag.length() - 1)), false);
            } catch (NumberFormatException e) {
                return NONE;
            }
        }
        return NONE;
    }

    /** The version to require in the database, or null when any will do. */
    @Nullable
    Integer required() {
        return any ? null : version;
    }
}
