package com.financetracker.expenses.expense;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Which expenses a list or an export holds, in which order, and which page: the request parameters of {@code GET
 * /expenses}, bound and validated before the handler runs. Absent parameters take their defaults here.
 *
 * @param from first day included
 * @param to last day included
 * @param category category names, any case; repeatable
 * @param tag tags; repeatable
 * @param currency only this currency
 * @param minAmount smallest amount included
 * @param maxAmount largest amount included
 * @param q text the description contains, any case
 * @param sort the order, {@code -date} by default
 * @param limit the page's size, 50 by default; an export ignores it and holds every page
 * @param cursor where the page starts, from the previous page's {@code Link}
 */
@DateWindow.Valid
record ExpenseQuery(
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
        LocalDate from,

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
        LocalDate to,

        @Parameter(description = "repeatable; category names, any case") @Nullable
        List<@Size(max = 50) String> category,

        @Parameter(description = "repeatable") @Nullable List<@Size(max = 30) String> tag,
        @Size(min = 3, max = 3) @Nullable String currency,

        @Digits(integer = 13, fraction = 4, message = AMOUNT_DIGITS) @Nullable
        BigDecimal minAmount,

        @Digits(integer = 13, fraction = 4, message = AMOUNT_DIGITS) @Nullable
        BigDecimal maxAmount,

        @Parameter(description = "text the description contains, any case") @Size(max = 100) @Nullable
        String q,

        @Parameter(description = "-date (default), date, -amount, amount or -createdAt")
        @Pattern(regexp = ExpenseSort.PARAMETERS, message = ExpenseSort.NOT_A_PARAMETER)
        @Nullable
        String sort,

        @Parameter(description = "page size")
        @Schema(defaultValue = "" + DEFAULT_PAGE_SIZE)
        @Min(1)
        @Max(1000)
        @Nullable
        Integer limit,

        @Size(max = 500) @Nullable String cursor)
        implements DateWindow {

    private static final int DEFAULT_PAGE_SIZE = 50;

    // amounts are stored as numeric(17, 4); a bound far outside that overflowed the database's numeric encoding
    private static final String AMOUNT_DIGITS = "must be a number with at most 13 digits before the point and 4 after";

    ExpenseQuery {
        // an empty parameter (?sort=, ?limit=) is no parameter
        sort = sort == null || sort.isEmpty() ? ExpenseSort.DATE_DESC.parameter() : sort;
        limit = limit == null ? DEFAULT_PAGE_SIZE : limit;
    }

    /** The expenses the query selects, whatever their order and page. */
    ExpenseFilter filter() {
        return new ExpenseFilter(
                from,
                to,
                category == null ? List.of() : category,
                tag == null ? List.of() : tag,
                currency,
                minAmount,
                maxAmount,
                q == null || q.isBlank() ? null : q.strip());
    }

    /** The order; call once the query is valid. */
    ExpenseSort order() {
        return ExpenseSort.fromParameter(sort).orElseThrow();
    }

    /** The page's size; call once the query is valid. */
    int pageSize() {
        return limit;
    }
}
