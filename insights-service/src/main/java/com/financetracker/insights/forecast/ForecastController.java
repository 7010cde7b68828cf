package com.financetracker.insights.forecast;

import com.financetracker.insights.expense.ExpenseHistory;
import com.financetracker.platform.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Forecast", description = "Where each category's spending is heading this month")
@RestController
class ForecastController {

    private final ExpenseHistory history;
    private final Clock clock;

    ForecastController(ExpenseHistory history, Clock clock) {
        this.history = history;
        this.clock = clock;
    }

    @Operation(
            summary = "Expected spending per category to the end of a month",
            description = "What was spent so far plus what you spent after the same day in each of the six months"
                    + " before: the expected value adds their mean, the range (low, high) their least and most."
                    + " The current month when no month is given.")
    @GetMapping("/insights/forecast")
    Forecast forecast(AuthenticatedUser user, @RequestParam(required = false) @Nullable YearMonth month) {
        LocalDate today = LocalDate.now(clock);
        YearMonth forecast = month == null ? YearMonth.from(today) : month;
        return Forecast.of(
                forecast,
                history.between(
                        user.id(), forecast.minusMonths(Forecast.HISTORY).atDay(1), forecast.atEndOfMonth()),
                today);
    }
}
