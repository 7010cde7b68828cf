package com.financetracker.web.home;

import com.financetracker.web.api.ApiProblemException;
import com.financetracker.web.api.Caller;
import com.financetracker.web.api.Expense;
import com.financetracker.web.api.ExpenseQuery;
import com.financetracker.web.api.ExpensesApi;
import com.financetracker.web.api.InsightsApi;
import com.financetracker.web.api.InsightsApi.Suggestion;
import com.financetracker.web.api.ServiceUnavailableException;
import com.financetracker.web.api.Summary;
import com.financetracker.web.config.Htmx;
import com.financetracker.web.expense.ExpenseForm;
import com.financetracker.web.session.Callers;
import com.financetracker.web.session.Preferences;
import com.financetracker.web.session.SignedInUser;
import com.financetracker.web.view.FormErrors;
import com.financetracker.web.view.Parallel;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The home page: quick add at the top (with a suggested category as the description is typed), alerts about unusual
 * spending, this month against last month per currency, spending by category, the daily trend and the latest
 * expenses. Its six service calls run in parallel, and each part shows on its own whether its call worked.
 */
@Controller
class HomeController {

    static final int LATEST = 8;

    private static final Pattern PLAIN_AMOUNT = Pattern.compile("\\d{1,13}(\\.\\d{1,4})?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final ExpensesApi expenses;
    private final InsightsApi insights;
    private final Preferences preferences;
    private final Callers callers;
    private final Parallel parallel;
    private final Clock clock;

    HomeController(
            ExpensesApi expenses,
            InsightsApi insights,
            Preferences preferences,
            Callers callers,
            Parallel parallel,
            Clock clock) {
        this.expenses = expenses;
        this.insights = insights;
        this.preferences = preferences;
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
                        month,
                        months.section(),
                        categories.section(),
                        days.section(),
                        null,
                        null,
                        null,
                        defaultCurrency()));
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

    /**
     * The hint under quick add's category for the description typed so far: the insights service's top suggestion,
     * marked to be filled in when its confidence reaches the person's threshold. The page's script fills it in only
     * when the field is empty or still holds the previous suggestion, so a category the person chose is never replaced.
     */
    @PostMapping("/quick-add/suggestion")
    String suggestion(
            @RequestParam(defaultValue = "") String description,
            @RequestParam(defaultValue = "") String amount,
            @RequestParam(defaultValue = "") String currency,
            @RequestParam(defaultValue = "") String date,
            Model model) {
        ExpenseForm form = ExpenseForm.of(amount, currency, "", description, date, "");
        Suggestion top = description.isBlank() ? null : topSuggestion(form);
        model.addAttribute("suggestion", top);
        model.addAttribute(
                "fill",
                top != null
                        && top.percent()
                                >= preferences.suggestionThreshold(
                                        Callers.signedIn().userId()));
        return "home/category-hint";
    }

    /** Dismisses an alert; with htmx the alert disappears, without it the home page shows again. */
    @PostMapping("/alerts/{id}/dismiss")
    String dismiss(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response) {
        try {
            insights.dismiss(callers.current(), id);
        } catch (ApiProblemException e) {
            if (e.status() != 404) {
                throw e;
            }
            // dismissed already, or no longer there: either way it is gone
        }
        if (!Htmx.isHtmx(request)) {
            return "redirect:/";
        }
        response.setStatus(200);
        return "home/dismissed";
    }

    private @Nullable Suggestion topSuggestion(ExpenseForm form) {
        String amount = form.normalizedAmount();
        LocalDate date = null;
        try {
            date = form.date().isEmpty() ? null : LocalDate.parse(form.date());
        } catch (DateTimeParseException e) {
            // an unfinished date does not change the suggestion
        }
        try {
            List<Suggestion> suggestions = insights.suggest(
                    callers.current(),
                    form.description(),
                    PLAIN_AMOUNT.matcher(amount).matches() && new BigDecimal(amount).signum() > 0 ? amount : null,
                    CURRENCY.matcher(form.currency()).matches() ? form.currency() : null,
                    date);
            return suggestions.isEmpty() ? null : suggestions.getFirst();
        } catch (ApiProblemException | ServiceUnavailableException e) {
            // without a suggestion the person picks the category, as before
            return null;
        }
    }

    private HomeView load(Caller caller) {
        YearMonth month = YearMonth.now(clock);
        var months = parallel.start(() -> monthSummary(caller, month));
        var categories = parallel.start(() -> categorySummary(caller, month));
        var days = parallel.start(() -> daySummary(caller, month));
        var latest = parallel.start(() -> expenses.list(caller, ExpenseQuery.sortedBy("-createdAt"), null, LATEST)
                .items());
        var names = parallel.start(() -> expenses.categories(caller));
        var alerts = parallel.start(() -> insights.alerts(caller));
        return HomeView.of(
                month,
                months.section(),
                categories.section(),
                days.section(),
                latest.section(),
                names.section(),
                alerts.section(),
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
