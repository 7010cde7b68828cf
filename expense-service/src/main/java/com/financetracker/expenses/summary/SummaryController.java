package com.financetracker.expenses.summary;

import com.financetracker.expenses.expense.Money;
import com.financetracker.platform.security.AuthenticatedUser;
import com.financetracker.platform.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
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
    SummaryResponse summary(AuthenticatedUser user, @ParameterObject @QueryParameters SummaryQuery query) {
        return new SummaryResponse(
                query.from(),
                query.to(),
                summaries.totals(user.id(), query.from(), query.to(), query.grouping()).stream()
                        .map(SummaryController::group)
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
