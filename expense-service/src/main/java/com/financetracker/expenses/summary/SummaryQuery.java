package com.financetracker.expenses.summary;

import com.financetracker.expenses.expense.DateWindow;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a summary covers and how it groups: the request parameters of {@code GET /expenses/summary}, bound and
 * validated before the handler runs.
 *
 * @param from first day covered, when limited
 * @param to last day covered, when limited
 * @param groupBy category (the default), month, week, day or tag
 */
@DateWindow.Valid
record SummaryQuery(
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
        LocalDate from,

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
        LocalDate to,

        @Schema(defaultValue = DEFAULT_GROUPING)
        @Pattern(regexp = SummaryGrouping.PARAMETERS, message = SummaryGrouping.NOT_A_PARAMETER)
        @Nullable
        String groupBy)
        implements DateWindow {

    private static final String DEFAULT_GROUPING = "category";

    SummaryQuery {
        // an empty parameter (?groupBy=) is no parameter
        groupBy = groupBy == null || groupBy.isEmpty() ? DEFAULT_GROUPING : groupBy;
    }

    /** The grouping; call once the query is valid. */
    SummaryGrouping grouping() {
        return SummaryGrouping.fromParameter(groupBy).orElseThrow();
    }
}
