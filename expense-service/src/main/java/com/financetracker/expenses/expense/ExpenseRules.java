package com.financetracker.expenses.expense;

import com.financetracker.platform.validation.CurrencyCode;
import com.financetracker.platform.web.FieldProblem;
import com.financetracker.platform.web.ProblemException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The rules an expense must meet, checked all at once so a client learns of every problem in one answer. The same
 * rules apply to the API and to CSV import.
 */
@Component
public class ExpenseRules {

    static final String DEFAULT_CURRENCY = "USD";
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Pattern CONTROL_EXCEPT_LINE_BREAKS = Pattern.compile("[\\p{Cntrl}&&[^\\n\\r\\t]]");
    private static final String NOT_TEXT = "must not contain control characters";

    private final Clock clock;

    ExpenseRules(Clock clock) {
        this.clock = clock;
    }

    /** The outcome of checking a request: a draft, or the problems that prevent one. */
    public record Checked(@Nullable ExpenseDraft draft, List<FieldProblem> problems) {}

    /** Checks a request, throwing a validation problem naming every invalid field. */
    public ExpenseDraft require(ExpenseRequest request, @Nullable String defaultCurrency) {
        Checked checked = check(request, defaultCurrency);
        if (checked.draft() == null) {
            throw ProblemException.invalidFields(checked.problems());
        }
        return checked.draft();
    }

    public Checked check(ExpenseRequest request, @Nullable String defaultCurrency) {
        List<FieldProblem> problems = new ArrayList<>();

        String currency = request.currency() == null
                ? (defaultCurrency == null ? DEFAULT_CURRENCY : defaultCurrency)
                : request.currency().strip().toUpperCase(Locale.ROOT);
        if (!CurrencyCode.Validator.isKnown(currency)) {
            problems.add(new FieldProblem("currency", "must be an ISO 4217 currency code such as USD or EUR"));
        }

        if (request.amount() == null) {
            problems.add(new FieldProblem("amount", "is required"));
        } else if (problems.isEmpty()) {
            String amountProblem = Money.problem(request.amount(), currency);
            if (amountProblem != null) {
                problems.add(new FieldProblem("amount", amountProblem));
            }
        }

        String category = request.category() == null ? null : request.category().strip();
        if (category == null || category.isEmpty()) {
            problems.add(new FieldProblem("category", "is required"));
        } else if (category.length() > 50) {
            problems.add(new FieldProblem("category", "must have at most 50 characters"));
        } else if (CONTROL.matcher(category).find()) {
            problems.add(new FieldProblem("category", NOT_TEXT));
        }

        String description =
                request.description() == null ? null : request.description().strip();
        if (description != null && description.isEmpty()) {
            description = null;
        }
        if (description != null && description.length() > 500) {
            problems.add(new FieldProblem("description", "must have at most 500 characters"));
        } else if (description != null
                && CONTROL_EXCEPT_LINE_BREAKS.matcher(description).find()) {
            problems.add(new FieldProblem("description", NOT_TEXT));
        }

        LocalDate today = LocalDate.now(clock);
        if (request.date() == null) {
            problems.add(new FieldProblem("date", "is required"));
        } else if (request.date().isBefore(EARLIEST)) {
            problems.add(new FieldProblem("date", "must not be before 1900-01-01"));
        } else if (request.date().isAfter(today.plusYears(1))) {
            problems.add(new FieldProblem("date", "must not be more than a year ahead"));
        }

        List<String> tags = tags(request.tags(), problems);

        if (!problems.isEmpty()) {
            return new Checked(null, List.copyOf(problems));
        }
        return new Checked(
                new ExpenseDraft(request.amount(), currency, category, description, request.date(), tags), List.of());
    }

    private static List<String> tags(@Nullable List<String> given, List<FieldProblem> problems) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > 20) {
            problems.add(new FieldProblem("tags", "must have at most 20 tags"));
            return List.of();
        }
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String tag = given.get(i) == null ? "" : given.get(i).strip();
            if (tag.isEmpty() || tag.length() > 30) {
                problems.add(new FieldProblem("tags[" + i + "]", "must have 1 to 30 characters"));
            } else if (CONTROL.matcher(tag).find()) {
                problems.add(new FieldProblem("tags[" + i + "]", NOT_TEXT));
            } else if (tag.contains(ExpenseCsv.TAG_SEPARATOR)) {
                problems.add(new FieldProblem("tags[" + i + "]", "must not contain ';' (it separates tags in CSV)"));
            } else {
                tags.add(tag);
            }
        }
        return List.copyOf(tags);
    }
}
