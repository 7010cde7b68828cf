package com.financetracker.expenses.summary;

import java.util.Arrays;
import java.util.Optional;

/** What a summary groups expenses by, and the SQL expression of each group's key. */
enum SummaryGrouping {
    CATEGORY("category", "c.name"),
    MONTH("month", "to_char(e.expense_date, 'YYYY-MM')"),
    WEEK("week", "to_char(e.expense_date, 'IYYY-\"W\"IW')"),
    DAY("day", "to_char(e.expense_date, 'YYYY-MM-DD')"),
    TAG("tag", "t.tag");

    private final String parameter;
    private final String key;

    SummaryGrouping(String parameter, String key) {
        this.parameter = parameter;
        this.key = key;
    }

    static Optional<SummaryGrouping> fromParameter(String value) {
        return Arrays.stream(values()).filter(g -> g.parameter.equals(value)).findFirst();
    }

    String key() {
        return key;
    }
}
