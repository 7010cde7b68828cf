package com.financetracker.web.category;

import com.financetracker.web.api.ApiProblemException;
import com.financetracker.web.api.Category;
import com.financetracker.web.api.ExpensesApi;
import com.financetracker.web.api.ServiceUnavailableException;
import com.financetracker.web.config.Htmx;
import com.financetracker.web.session.Callers;
import com.financetracker.web.view.FormErrors;
import com.financetracker.web.view.Section;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Categories: create, rename, and delete, moving the expenses of a category in use to another one. Each form answers
 * with the list again (htmx swaps it in place) and says what happened, or what is wrong next to the form concerned.
 */
@Controller
class CategoryController {

    private static final Map<String, String> LABELS = Map.of("name", "Name", "reassignTo", "Move its expenses to");

    private final ExpensesApi expenses;
    private final Callers callers;

    CategoryController(ExpensesApi expenses, Callers callers) {
        this.expenses = expenses;
        this.callers = callers;
    }

    @GetMapping("/categories")
    String list(@RequestParam(required = false) @Nullable String done, Model model) {
        return render(model, null, FormErrors.none(), notice(done), "categories/page");
    }

    @PostMapping("/categories")
    String create(
            @RequestParam(defaultValue = "") String name,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        try {
            Category created = expenses.createCategory(callers.current(), name.strip());
            return done(request, model, "Added the category " + created.name() + ".", "added");
        } catch (ApiProblemException e) {
            response.setStatus(e.status() == 409 ? 409 : 400);
            FormErrors errors = e.status() == 409
                    ? FormErrors.field("name", "You already have a category with this name.")
                    : FormErrors.from(e, LABELS);
            return failed(request, model, "new", errors);
        }
    }

    @PostMapping("/categories/{id}/rename")
    String rename(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String name,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        try {
            Category renamed = expenses.renameCategory(callers.current(), id, name.strip());
            return done(request, model, "Renamed the category to " + renamed.name() + ".", "renamed");
        } catch (ApiProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            response.setStatus(e.status() == 409 ? 409 : 400);
            FormErrors errors = e.status() == 409
                    ? FormErrors.field("name", "You already have a category with this name.")
                    : FormErrors.from(e, LABELS);
            return failed(request, model, id.toString(), errors);
        }
    }

    @PostMapping("/categories/{id}/delete")
    String delete(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable UUID reassignTo,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        try {
            expenses.deleteCategory(callers.current(), id, reassignTo);
            return done(request, model, "Deleted the category.", "deleted");
        } catch (ApiProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            response.setStatus(e.status() == 409 ? 409 : 400);
            FormErrors errors = e.status() == 409
                    ? FormErrors.field("reassignTo", "Expenses use this category: choose the category they move to.")
                    : FormErrors.from(e, LABELS);
            return failed(request, model, id.toString(), errors);
        }
    }

    private String done(HttpServletRequest request, Model model, String notice, String code) {
        if (!Htmx.isHtmx(request)) {
            return "redirect:/categories?done=" + code;
        }
        return render(model, null, FormErrors.none(), notice, "categories/list");
    }

    private String failed(HttpServletRequest request, Model model, String formKey, FormErrors errors) {
        return render(model, formKey, errors, null, Htmx.isHtmx(request) ? "categories/list" : "categories/page");
    }

    private String render(
            Model model, @Nullable String errorsFor, FormErrors errors, @Nullable String notice, String view) {
        Section<List<Category>> categories;
        try {
            categories = Section.of(expenses.categories(callers.current()));
        } catch (ServiceUnavailableException e) {
            categories = Section.unavailable(e.sentence());
        }
        model.addAttribute("categories", categories);
        model.addAttribute("errorsFor", errorsFor == null ? "" : errorsFor);
        model.addAttribute("errors", errors);
        model.addAttribute("notice", notice);
        return view;
    }

    private static @Nullable String notice(@Nullable String done) {
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "added" -> "Added the category.";
            case "renamed" -> "Renamed the category.";
            case "deleted" -> "Deleted the category.";
            default -> null;
        };
    }
}
