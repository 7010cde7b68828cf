package com.financetracker.expenses.summary;

import com.financetracker.expenses.expense.ExpenseFilter;
import com.financetracker.expenses.expense.Money;
import com.financetracker.platform.security.AuthenticatedUser;
import com.financetracker.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Expenses")
@RestController
class SummaryController {

    private final SummaryRepository summaries;

    SummaryController(SummaryRepository summaries) {
        this.summaries = summaries;
    }

    @Operation(
            summary = "Totals, counts and averages of your expenses",
            description = "Grouped by category (default), month, week, day or tag, and always by currency. An"
                    + " expense with several tags counts once under each.")
    @GetMapping("/expenses/summary")
    @Transactional(readOnly = true)
    SummaryResponse summary(
            AuthenticatedUser user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(defaultValue = "category") String groupBy) {
        SummaryGrouping grouping = SummaryGrouping.fromParameter(groupBy)
                .orElseThrow(() ->
                        ProblemException.invalidField("groupBy", "must be one of category, month, week, day, tag"));
        ExpenseFilter.requireValidDates(from, to);
        return new SummaryResponse(
                from,
                to,
                summaries.totals(user.id(), from, to, grouping).stream()
                        .map(row -> group(row))
                        .toList());
    }

    private static SummaryResponse.Group group(SummaryRepository.Row row) {
        int digits = Money.digits(row.currency());
        BigDecimal average = row.total().divide(BigDecimal.valueOf(row.count()), digits, RoundingMode.HALF_EVEN);
        return new SummaryResponse.Group(
                row.key(),
                row.currency(),
                row.total().setScale(digits, RoundingMode.UNNECESSARY).toPlainString(),
                row.count(),
                average.toPlainString());
    }
}
