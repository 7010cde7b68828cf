package com.financetracker.web.expense;

import com.financetracker.web.api.Category;
import com.financetracker.web.api.Expense;
import com.financetracker.web.api.Page;
import com.financetracker.web.view.FormErrors;
import com.financetracker.web.view.Section;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The expenses page: the filter as typed, its errors, one page of matching expenses and the categories (for the
 * category filter and for moving expenses).
 */
public record ExpensesView(
        ExpenseFilter filter, FormErrors errors, Section<Page<Expense>> page, List<Category> categories) {

    public @Nullable String nextUrl() {
        if (!page.ok() || page.value().nextCursor() == null) {
            return null;
        }
        return filter.url("/expenses/rows", page.value().nextCursor());
    }

    public String exportUrl() {
        return filter.url("/expenses/export", null);
    }
}
