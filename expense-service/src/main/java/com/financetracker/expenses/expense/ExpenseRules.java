package com.financetracker.expenses.expense;

import com.financetracker.platform.validation.NoControlCharacters;
import com.financetracker.platform.web.FieldProblem;
import com.financetracker.platform.web.ProblemException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks expenses against the rules their request declares (Bean Validation constraints on {@link ExpenseRequest}),
 * all at once so a client learns of every problem in one answer. The same rules apply to the API and to CSV import.
 * Each field reports one problem, the most basic it has, and fields are reported in a fixed order.
 */
@Component
public class ExpenseRules {

    /** The order problems are reported in. */
    private static final List<String> FIELDS = List.of("currency", "amount", "category", "description", "date", "tags");

    /** Which problem a field that breaks several rules reports: the first of these it breaks, then any other. */
    private static final List<Class<? extends Annotation>> PRECEDENCE =
            List.of(NotNull.class, NotBlank.class, Size.class, NoControlCharacters.class);

    private final Validator validator;

    ExpenseRules(Validator validator) {
        this.validator = validator;
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

    /**
     * Checks a request once its defaults are filled in.
     *
     * @param defaultCurrency the user's, for a request that names no currency
     */
    public Checked check(ExpenseRequest request, @Nullable String defaultCurrency) {
        ExpenseRequest normalized = request.normalized(defaultCurrency);
        List<FieldProblem> problems = problems(validator.validate(normalized));
        if (!problems.isEmpty()) {
            return new Checked(null, problems);
        }
        List<String> tags = normalized.tags() == null ? List.of() : normalized.tags();
        return new Checked(
                new ExpenseDraft(
                        normalized.amount(),
                        normalized.currency(),
                        normalized.category(),
                        normalized.description(),
                        normalized.date(),
                        List.copyOf(new LinkedHashSet<>(tags))),
                List.of());
    }

    /**
     * One problem a field, in the order of {@link #FIELDS} (a list's elements by index, after the list); the elements
     * of a list that is itself wrong (too long) are not reported.
     */
    private static List<FieldProblem> problems(Set<ConstraintViolation<ExpenseRequest>> violations) {
        List<Violation> sorted = violations.stream()
                .map(Violation::of)
                .sorted(Comparator.comparingInt(Violation::fieldRank)
                        .thenComparingInt(Violation::index)
                        .thenComparingInt(Violation::precedence))
                .toList();
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> reported = new LinkedHashSet<>();
        for (Violation violation : sorted) {
            if (!reported.contains(violation.property()) && reported.add(violation.field())) {
                problems.add(new FieldProblem(violation.field(), violation.message()));
            }
        }
        return problems;
    }

    /**
     * A broken rule, on a property or on one element of a list property ({@code tags[2]}).
     *
     * @param index the element's index, -1 for the property itself
     */
    private record Violation(String property, int index, String message, Class<? extends Annotation> rule) {

        static Violation of(ConstraintViolation<?> violation) {
            String property = "";
            int index = -1;
            for (Path.Node node : violation.getPropertyPath()) {
                if (node.getKind() == ElementKind.PROPERTY) {
                    property = node.getName();
                } else if (node.getKind() == ElementKind.CONTAINER_ELEMENT && node.getIndex() != null) {
                    index = node.getIndex();
                }
            }
            return new Violation(
                    property,
                    index,
                    violation.getMessage(),
                    violation.getConstraintDescriptor().getAnnotation().annotationType());
        }

        String field() {
            return index < 0 ? property : property + "[" + index + "]";
        }

        int fieldRank() {
            return FIELDS.indexOf(property);
        }

        int precedence() {
            int rank = PRECEDENCE.indexOf(rule);
            return rank < 0 ? PRECEDENCE.size() : rank;
        }
    }
}
