package com.financetracker.expenses.summary;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a summary groups expenses by: the SQL expression of the group an expense falls in, and of the key the group is
 * shown with. Dates are grouped as dates and formatted once per group, not once per expense.
 */
enum SummaryGrouping {
    CATEGORY("category", "join categories c on c.id = e.category_id", "c.name", "bucket"),
    MONTH("month", "", "date_trunc('month', cast(e.expense_date as timestamp))", "to_char(bucket, 'YYYY-MM')"),
    WEEK("week", "", "date_trunc('week', cast(e.expense_date as timestamp))", "to_char(bucket, 'IYYY-\"W\"IW')"),
    DAY("day", "", "e.expense_date", "to_char(bucket, 'YYYY-MM-DD')"),
    TAG("tag", "left join lateral unnest(e.tags) as t(tag) on true", "t.tag", "bucket");

    /** The values of the {@code groupBy} parameter, one for each grouping (a test keeps them in step). */
    static final String PARAMETERS = "category|month|week|day|tag";

    static final String NOT_A_PARAMETER = "must be one of category, month, week, day, tag";

    private final String parameter;
    private final String join;
    private final String bucket;
    private final String key;

    SummaryGrouping(String parameter, String join, String bucket, String key) {
        this.parameter = parameter;
        this.join = join;
        this.bucket = bucket;
        this.key = key;
    }

    String parameter() {
        return parameter;
    }

    static Optional<SummaryGrouping> fromParameter(String value) {
        return Arrays.stream(values()).filter(g -> g.parameter.equals(value)).findFirst();
    }

    /** What {@link #bucket()} needs joined to the expense {@code e}, if anything. */
    String join() {
        return join;
    }

    /** The group of an expense {@code e} (of category {@code c}, with tag {@code t}). */
    String bucket() {
        return bucket;
    }

    /** The group's key, from its {@code bucket}. */
    String key() {
        return key;
    }
}
