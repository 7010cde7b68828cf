package com.financetracker.expenses.expense;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/** The orders a list can come in; each breaks ties by id so that keyset pages never skip or repeat a row. */
public enum ExpenseSort {
    DATE_DESC("-date", "expense_date", true),
    DATE_ASC("date", "expense_date", false),
    AMOUNT_DESC("-amount", "amount", true),
    AMOUNT_ASC("amount", "amount", false),
    CREATED_DESC("-createdAt", "created_at", true);

    private final String parameter;
    private final String column;
    private final boolean descending;

    ExpenseSort(String parameter, String column, boolean descending) {
        this.parameter = parameter;
        this.column = column;
        this.descending = descending;
    }

    public static Optional<ExpenseSort> fromParameter(String value) {
        return Arrays.stream(values())
                .filter(sort -> sort.parameter.equals(value))
                .findFirst();
    }

    public String parameter() {
        return parameter;
    }

    String orderBy() {
        String direction = descending ? " desc" : " asc";
        return "e." + column + direction + ", e.id" + direction;
    }

    /** The condition that selects the rows after the cursor's row, in this order. */
    String after() {
        return "(e." + column + ", e.id) " + (descending ? "<" : ">") + " (:cursorValue, :cursorId)";
    }

    /** The sort value of an expense, as it goes into a cursor. */
    String valueOf(Expense expense) {
        return switch (this) {
            case DATE_DESC, DATE_ASC -> expense.date().toString();
            case AMOUNT_DESC, AMOUNT_ASC -> expense.amount().toPlainString();
            case CREATED_DESC -> expense.createdAt().toString();
        };
    }

    /** A cursor's sort value, typed for the query parameter. */
    Object parse(String value) {
        return switch (this) {
            case DATE_DESC, DATE_ASC -> LocalDate.parse(value);
            case AMOUNT_DESC, AMOUNT_ASC -> new BigDecimal(value);
            case CREATED_DESC -> Timestamp.from(Instant.parse(value));
        };
    }
}
