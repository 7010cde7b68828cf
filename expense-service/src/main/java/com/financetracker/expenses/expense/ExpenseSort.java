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

    /** The values of the {@code sort} parameter, one for each order (a test keeps them in step). */
    static final String PARAMETERS = "-date|date|-amount|amount|-createdAt";

    static final String NOT_A_PARAMETER = "must be one of -date, date, -amount, amount, -createdAt";

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

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

    /**
     * A cursor's sort value, typed for the query parameter. Values no stored expense can have are refused: far out of
     * the database's range, they failed inside the query or, for amounts, silently compared as another number.
     */
    Object parse(String value) {
        return switch (this) {
            case DATE_DESC, DATE_ASC -> {
                LocalDate date = LocalDate.parse(value);
                yield require(date, date.getYear() >= 1 && date.getYear() <= 9999);
            }
            case AMOUNT_DESC, AMOUNT_ASC -> {
                BigDecimal amount = new BigDecimal(value);
                yield require(
                        amount,
                        amount.signum() > 0
                                && amount.compareTo(Money.MAX_AMOUNT) <= 0
                                && amount.stripTrailingZeros().scale() <= 4);
            }
            case CREATED_DESC -> {
                Instant createdAt = Instant.parse(value);
                yield Timestamp.from(require(createdAt, createdAt.isAfter(EARLIEST) && createdAt.isBefore(LATEST)));
            }
        };
    }

    private static <T> T require(T value, boolean valid) {
        if (!valid) {
            throw new IllegalArgumentException("not a sort value of a stored expense");
        }
        return value;
    }
}
