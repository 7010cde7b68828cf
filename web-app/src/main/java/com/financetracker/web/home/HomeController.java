package com.financetracker.web.home;

import com.financetracker.web.api.ApiProblemException;
import com.financetracker.web.api.Caller;
import com.financetracker.web.api.Expense;
import com.financetracker.web.api.ExpenseQuery;
import com.financetracker.web.api.ExpensesApi;
import com.financetracker.web.api.ServiceUnavailableException;
import com.financetracker.web.api.Summary;
import com.financetracker.web.config.Htmx;
import com.financetracker.web.expense.ExpenseForm;
import com.financetracker.web.session.Callers;
import com.financetracker.web.session.SignedInUser;
import com.financetracker.web.view.FormErrors;
import com.financetracker.web.view.Parallel;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The home page: quick add at the top, this month against last month per currency, spending by category, the daily
 * trend and the latest expenses. Its five service calls run in parallel, and each part shows on its own whether its
 * call worked.
 */
@Controller
class HomeController {

    static final int LATEST = 8;

    private final ExpensesApi expenses;
    private final Callers callers;
    private final Parallel parallel;
    private final Clock clock;

    HomeController(ExpensesApi expenses, Callers callers, Parallel parallel, Clock clock) {
        this.expenses = expenses;
        this.callers = callers;
        this.parallel = parallel;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(Model model) {
        Caller caller = callers.current();
        model.addAttribute("home", load(caller));
        model.addAttribute("form", emptyForm());
        model.addAttribute("errors", FormErrors.none());
        return "home/home";
    }

    /** The summary part alone, which htmx reloads after a quick add. */
    @GetMapping("/home/summary")
    String summary(Model model) {
        Caller caller = callers.current();
        YearMonth month = YearMonth.now(clock);
        var months = parallel.start(() -> monthSummary(caller, month));
        var categories = parallel.start(() -> categorySummary(caller, month));
        var days = parallel.start(() -> daySummary(caller, month));
        model.addAttribute(
                "home",
                HomeView.of(
                        month, months.section(), categories.section(), days.section(), null, null, defaultCurrency()));
        return "home/summary";
    }

    /**
     * Quick add. With htmx: the new row goes on top of the latest expenses, a fresh form replaces this one, and the
     * summary reloads; invalid input comes back as the form with each error next to its field. Without JavaScript:
     * the same, as a whole page.
     */
    @PostMapping("/quick-add")
    String quickAdd(
            @RequestParam(required = false) @Nullable String amount,
            @RequestParam(required = false) @Nullable String currency,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String description,
            @RequestParam(required = false) @Nullable String date,
            @RequestParam(required = false) @Nullable String idempotencyKey,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        ExpenseForm form = ExpenseForm.of(amount, currency, category, description, date, "");
        String key = idempotencyKey == null || idempotencyKey.isBlank()
                ? UUID.randomUUID().toString()
                : idempotencyKey;
        Caller caller = callers.current();
        FormErrors errors;
        try {
            Expense created = expenses.create(caller, form.toJson(false), key);
            if (!Htmx.isHtmx(request)) {
                return "redirect:/";
            }
            response.setHeader(Htmx.TRIGGER, "expenses-changed");
            model.addAttribute("expense", created);
            model.addAttribute("form", emptyForm());
            model.addAttribute("errors", FormErrors.none());
            return "home/added";
        } catch (ApiProblemException e) {
            response.setStatus(e.status() == 422 ? 409 : 400);
            errors = e.status() == 422
                    ? FormErrors.general("This expense was already saved with different details. Check the list below.")
                    : FormErrors.from(e, ExpenseForm.LABELS);
        } catch (ServiceUnavailableException e) {
            response.setStatus(503);
            errors = FormErrors.general(e.sentence());
        }
        // the same key again: a retry of this form must not create a second expense
        QuickAddForm kept = new QuickAddForm(form, key);
        model.addAttribute("form", kept);
        model.addAttribute("errors", errors);
        if (Htmx.isHtmx(request)) {
            response.setHeader(Htmx.RETARGET, "#quick-add");
            response.setHeader(Htmx.RESWAP, "outerHTML");
            return "home/quick-add-fragment";
        }
        model.addAttribute("home", load(caller));
        return "home/home";
    }

    private HomeView load(Caller caller) {
        YearMonth month = YearMonth.now(clock);
        var months = parallel.start(() -> monthSummary(caller, month));
        var categories = parallel.start(() -> categorySummary(caller, month));
        var days = parallel.start(() -> daySummary(caller, month));
        var latest = parallel.start(() -> expenses.list(caller, ExpenseQuery.sortedBy("-createdAt"), null, LATEST)
                .items());
        var names = parallel.start(() -> expenses.categories(caller));
        return HomeView.of(
                month,
                months.section(),
                categories.section(),
                days.section(),
                latest.section(),
                names.section(),
                defaultCurrency());
    }

    private Summary monthSummary(Caller caller, YearMonth month) {
        return expenses.summary(caller, month.minusMonths(1).atDay(1), month.atEndOfMonth(), "month");
    }

    private Summary categorySummary(Caller caller, YearMonth month) {
        return expenses.summary(caller, month.atDay(1), month.atEndOfMonth(), "category");
    }

    private Summary daySummary(Caller caller, YearMonth month) {
        return expenses.summary(caller, month.atDay(1), month.atEndOfMonth(), "day");
    }

    private QuickAddForm emptyForm() {
        return new QuickAddForm(
                new ExpenseForm(
                        "", defaultCurrency(), "", "", LocalDate.now(clock).toString(), ""),
                UUID.randomUUID().toString());
    }

    private static String defaultCurrency() {
        SignedInUser user = Callers.signedIn();
        return user.defaultCurrency() == null ? "USD" : user.defaultCurrency();
    }
}
