package com.financetracker.web.expense;

import com.financetracker.web.api.ApiProblemException;
import com.financetracker.web.api.Caller;
import com.financetracker.web.api.Category;
import com.financetracker.web.api.Expense;
import com.financetracker.web.api.ExpensesApi;
import com.financetracker.web.api.Page;
import com.financetracker.web.api.ServiceUnavailableException;
import com.financetracker.web.config.Htmx;
import com.financetracker.web.session.Callers;
import com.financetracker.web.view.FormErrors;
import com.financetracker.web.view.Parallel;
import com.financetracker.web.view.Section;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The expenses page. The list is paged by the expense service's keyset cursor ("Load more" appends the next 50), so
 * it costs the same with 100 000 expenses as with 100. Rows are edited in place; a deleted row offers an undo that
 * creates the expense again; selected rows are deleted or moved to another category together.
 */
@Controller
class ExpenseController {

    static final int PAGE_SIZE = 50;
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

    private final ExpensesApi expenses;
    private final Callers callers;
    private final Parallel parallel;
    private final JsonMapper json;
    private final int parallelism;

    ExpenseController(
            ExpensesApi expenses,
            Callers callers,
            Parallel parallel,
            JsonMapper json,
            com.financetracker.web.config.WebAppProperties properties) {
        this.expenses = expenses;
        this.callers = callers;
        this.parallel = parallel;
        this.json = json;
        this.parallelism = properties.calls().parallelism();
    }

    @ModelAttribute("filter")
    ExpenseFilter filter(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String tag,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String minAmount,
            @RequestParam(required = false) @Nullable String maxAmount,
            @RequestParam(required = false) @Nullable String sort) {
        return ExpenseFilter.of(from, to, category, tag, q, minAmount, maxAmount, sort);
    }

    @GetMapping("/expenses")
    String list(@ModelAttribute("filter") ExpenseFilter filter, HttpServletResponse response, Model model) {
        Caller caller = callers.current();
        var categories = parallel.start(() -> expenses.categories(caller));
        model.addAttribute("view", view(caller, filter, categories, response));
        return "expenses/page";
    }

    /** The results alone (count, rows, "Load more"), for the filter form and after a bulk change. */
    @GetMapping("/expenses/results")
    String results(@ModelAttribute("filter") ExpenseFilter filter, HttpServletResponse response, Model model) {
        Caller caller = callers.current();
        model.addAttribute("view", view(caller, filter, null, response));
        response.setHeader("HX-Push-Url", filter.url("/expenses", null));
        return "expenses/results";
    }

    /** The next page of rows, appended by "Load more". */
    @GetMapping("/expenses/rows")
    String rows(
            @ModelAttribute("filter") ExpenseFilter filter,
            @RequestParam(required = false) @Nullable String cursor,
            Model model) {
        Caller caller = callers.current();
        Page<Expense> page = expenses.list(caller, filter.query(), cursor, PAGE_SIZE);
        model.addAttribute("view", new ExpensesView(filter, FormErrors.none(), Section.of(page), List.of()));
        return "expenses/more";
    }

    @GetMapping("/expenses/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        Expense expense = expenses.get(callers.current(), id);
        model.addAttribute("e", expense);
        model.addAttribute("form", ExpenseForm.of(expense));
        model.addAttribute("errors", FormErrors.none());
        return "expenses/edit";
    }

    @GetMapping("/expenses/{id}/row")
    String row(@PathVariable UUID id, Model model) {
        model.addAttribute("e", expenses.get(callers.current(), id));
        return "expenses/row";
    }

    /** Saves an edit; with the version the form was made from, so that a change made meanwhile is not overwritten. */
    @PostMapping("/expenses/{id}")
    String update(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String amount,
            @RequestParam(defaultValue = "") String currency,
            @RequestParam(defaultValue = "") String category,
            @RequestParam(defaultValue = "") String description,
            @RequestParam(defaultValue = "") String date,
            @RequestParam(defaultValue = "") String tags,
            @RequestParam(required = false) @Nullable Integer version,
            HttpServletResponse response,
            Model model) {
        Caller caller = callers.current();
        ExpenseForm form = ExpenseForm.of(amount, currency, category, description, date, tags);
        try {
            Expense saved =
                    expenses.update(caller, id, form.toJson(true), version == null ? null : "\"" + version + "\"");
            model.addAttribute("e", saved);
            return "expenses/row";
        } catch (ApiProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            Expense current = expenses.get(caller, id);
            model.addAttribute("e", current);
            if (e.status() == 412) {
                response.setStatus(409);
                model.addAttribute("form", ExpenseForm.of(current));
                model.addAttribute(
                        "errors",
                        FormErrors.general("This expense was changed elsewhere meanwhile. It now shows the latest"
                                + " version; make your change again."));
            } else {
                response.setStatus(400);
                model.addAttribute("form", form);
                model.addAttribute("errors", FormErrors.from(e, ExpenseForm.LABELS));
            }
            return "expenses/edit";
        }
    }

    /** Deletes one expense; its row turns into an "Undo" button that creates it again. */
    @DeleteMapping("/expenses/{id}")
    String delete(@PathVariable UUID id, Model model) {
        Caller caller = callers.current();
        Expense expense = expenses.get(caller, id);
        expenses.delete(caller, id, expense.etag());
        model.addAttribute("e", expense);
        model.addAttribute("restore", List.of(restoreJson(expense)));
        model.addAttribute("key", UUID.randomUUID().toString());
        return "expenses/deleted";
    }

    /**
     * Creates the deleted expenses again (a new id, the same content). Each carries an idempotency key derived from
     * the undo's key, so pressing "Undo" twice restores them once.
     */
    @PostMapping("/expenses/restore")
    String restore(
            @RequestParam(defaultValue = "") String key,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Caller caller = callers.current();
        // read raw: Spring would split a single value at its commas, and each value is a JSON object
        String[] values = request.getParameterValues("restore");
        List<String> items = values == null ? List.of() : List.of(values);
        String undoKey = key.isBlank() ? UUID.randomUUID().toString() : key;
        List<Expense> restored =
                forEachBounded(items, index -> expenses.create(caller, parse(items.get(index)), undoKey + "-" + index));
        if (restored.size() == 1 && "single".equals(request.getParameter("mode"))) {
            model.addAttribute("e", restored.getFirst());
            return "expenses/row";
        }
        response.setHeader(Htmx.TRIGGER, "expenses-changed");
        model.addAttribute(
                "message", restored.size() == 1 ? "Restored 1 expense." : "Restored " + restored.size() + " expenses.");
        return "fragments/notice";
    }

    /** Deletes the selected expenses, or moves them to another category. */
    @PostMapping("/expenses/bulk")
    String bulk(
            @RequestParam(name = "id", required = false) @Nullable List<UUID> ids,
            @RequestParam(defaultValue = "") String action,
            @RequestParam(name = "moveTo", defaultValue = "") String moveTo,
            HttpServletResponse response,
            Model model) {
        List<UUID> selected = ids == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(ids));
        if (selected.isEmpty()) {
            model.addAttribute("message", "Select the expenses first, with the boxes in the list.");
            return "fragments/alert";
        }
        Caller caller = callers.current();
        if ("move".equals(action)) {
            if (moveTo.isBlank()) {
                model.addAttribute("message", "Choose the category to move the selected expenses to.");
                return "fragments/alert";
            }
            Map<String, @Nullable Object> patch = new LinkedHashMap<>();
            patch.put("category", moveTo.strip());
            forEachBounded(selected, index -> expenses.update(caller, selected.get(index), patch, null));
            response.setHeader(Htmx.TRIGGER, "expenses-changed");
            model.addAttribute("message", count(selected.size()) + " moved to " + moveTo.strip() + ".");
            return "fragments/notice";
        }
        if ("delete".equals(action)) {
            List<Expense> deleted = forEachBounded(selected, index -> {
                Expense expense = expenses.get(caller, selected.get(index));
                expenses.delete(caller, expense.id(), expense.etag());
                return expense;
            });
            response.setHeader(Htmx.TRIGGER, "expenses-changed");
            model.addAttribute("message", count(deleted.size()) + " deleted.");
            model.addAttribute(
                    "restore", deleted.stream().map(this::restoreJson).toList());
            model.addAttribute("key", UUID.randomUUID().toString());
            return "expenses/bulk-deleted";
        }
        model.addAttribute("message", "Choose what to do with the selected expenses.");
        return "fragments/alert";
    }

    /** The selection as CSV, every page of it, streamed from the expense service to the browser. */
    @GetMapping("/expenses/export")
    void export(@ModelAttribute("filter") ExpenseFilter filter, HttpServletResponse response) {
        Caller caller = callers.current();
        expenses.exportCsv(caller, filter.query(), (headers, body) -> {
            response.setContentType("text/csv;charset=UTF-8");
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"expenses.csv\"");
            try (OutputStream out = response.getOutputStream()) {
                body.transferTo(out);
            }
        });
    }

    private ExpensesView view(
            Caller caller,
            ExpenseFilter filter,
            Parallel.@Nullable Pending<List<Category>> categories,
            HttpServletResponse response) {
        FormErrors errors = filter.dateErrors();
        Section<Page<Expense>> page;
        if (errors.any()) {
            response.setStatus(400);
            page = Section.of(new Page<>(List.of(), null, 0));
        } else {
            try {
                page = Section.of(expenses.list(caller, filter.query(), null, PAGE_SIZE));
            } catch (ApiProblemException e) {
                if (e.status() != 400) {
                    throw e;
                }
                response.setStatus(400);
                errors = FormErrors.from(e, ExpenseFilter.LABELS);
                page = Section.of(new Page<>(List.of(), null, 0));
            } catch (ServiceUnavailableException e) {
                page = Section.unavailable(e.sentence());
            }
        }
        List<Category> names = List.of();
        if (categories != null) {
            Section<List<Category>> section = categories.section();
            names = section.ok() ? section.value() : List.of();
        }
        return new ExpensesView(filter, errors, page, names);
    }

    private String restoreJson(Expense expense) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", expense.amount());
        body.put("currency", expense.currency());
        body.put("category", expense.category());
        if (expense.description() != null) {
            body.put("description", expense.description());
        }
        body.put("date", expense.date().toString());
        body.put("tags", expense.tagList());
        return json.writeValueAsString(body);
    }

    private Map<String, Object> parse(String restore) {
        try {
            return json.readValue(restore, JSON_OBJECT);
        } catch (JacksonException e) {
            throw new IllegalStateException("An undo form carried something that is not an expense");
        }
    }

    /** Runs one call per item, a few at a time; the first failure is thrown once all have finished. */
    private <T> List<T> forEachBounded(List<?> items, java.util.function.IntFunction<T> call) {
        Semaphore permits = new Semaphore(parallelism);
        List<Parallel.Pending<T>> pending = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            int index = i;
            pending.add(parallel.start(() -> {
                permits.acquireUninterruptibly();
                try {
                    return call.apply(index);
                } finally {
                    permits.release();
                }
            }));
        }
        List<T> results = new ArrayList<>();
        RuntimeException failure = null;
        for (Parallel.Pending<T> each : pending) {
            try {
                results.add(each.join());
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return results;
    }

    private static String count(int count) {
        return count == 1 ? "1 expense" : count + " expenses";
    }
}
