package com.financetracker.expenses.expense;

import com.financetracker.contracts.ExpenseHistoryPage;
import com.financetracker.contracts.ServiceNames;
import com.financetracker.platform.security.AuthenticatedService;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every person's expenses, page by page, for services that keep their own copy (the insights service rebuilds from
 * it when its database is new). Internal: only those services may call it, not every holder of a service token.
 */
@Hidden
@RestController
class ExpenseHistoryController {

    private final ExpenseRepository expenses;

    ExpenseHistoryController(ExpenseRepository expenses) {
        this.expenses = expenses;
    }

    @GetMapping(ExpenseHistoryPage.PATH)
    @Transactional(readOnly = true)
    public ExpenseHistoryPage page(
            @RequestParam(required = false) @Nullable UUID after,
            @RequestParam(defaultValue = "1000") @Min(1) @Max(5000) int limit,
            AuthenticatedService caller) {
        caller.requireOneOf(ServiceNames.INSIGHTS_SERVICE);
        List<Expense> page = expenses.allAfter(after, limit);
        UUID next = page.size() < limit ? null : page.getLast().id();
        return new ExpenseHistoryPage(page.stream().map(ExpenseEvents::changed).toList(), next);
    }
}
