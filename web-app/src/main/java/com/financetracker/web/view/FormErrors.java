package com.financetracker.web.view;

import com.financetracker.web.api.ApiProblemException;
import com.financetracker.web.api.FieldProblem;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What is wrong with a submitted form: a sentence per field, shown next to that field, and a sentence for the form
 * as a whole. Field names are the API's ({@code amount}, {@code displayName}), which the forms use too.
 */
public final class FormErrors {

    private static final FormErrors NONE = new FormErrors(Map.of(), null);

    private final Map<String, String> fields;
    private final @Nullable String form;

    private FormErrors(Map<String, String> fields, @Nullable String form) {
        this.fields = fields;
        this.form = form;
    }

    public static FormErrors none() {
        return NONE;
    }

    public static FormErrors general(String sentence) {
        return new FormErrors(Map.of(), sentence);
    }

    public static FormErrors field(String field, String sentence) {
        return new FormErrors(Map.of(field, sentence), null);
    }

    /**
     * The field errors of a service's problem, each written as a sentence with the field's label ("Amount must be
     * greater than 0."); errors of fields the form does not show, and problems without field errors, become the form's
     * sentence.
     *
     * @param labels the form's fields and their labels
     */
    public static FormErrors from(ApiProblemException problem, Map<String, String> labels) {
        Map<String, String> fields = new LinkedHashMap<>();
        StringBuilder other = new StringBuilder();
        for (FieldProblem error : problem.errors()) {
            String field = error.field() == null ? "" : error.field();
            String message = error.message() == null ? "is invalid" : error.message();
            String label = labels.get(field);
            if (label != null) {
                fields.merge(field, sentence(label, message), (a, b) -> a + " " + b);
            } else {
                other.append(other.isEmpty() ? "" : " ").append(sentence(field.isEmpty() ? "A value" : field, message));
            }
        }
        String form = !other.isEmpty() ? other.toString() : fields.isEmpty() ? describe(problem) : null;
        return new FormErrors(fields, form);
    }

    public boolean any() {
        return form != null || !fields.isEmpty();
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public @Nullable String of(String field) {
        return fields.get(field);
    }

    /** {@code "true"} for a field with an error (the {@code aria-invalid} attribute), else null (no attribute). */
    public @Nullable String invalid(String field) {
        return fields.containsKey(field) ? "true" : null;
    }

    /** Every sentence, the form's first, for a summary at the top of a form. */
    public java.util.List<String> messages() {
        java.util.List<String> all = new java.util.ArrayList<>();
        if (form != null) {
            all.add(form);
        }
        all.addAll(fields.values());
        return all;
    }

    public @Nullable String form() {
        return form;
    }

    /** A problem without field errors, as one sentence. */
    public static String describe(ApiProblemException problem) {
        String detail = problem.detail();
        if (detail != null && !detail.isBlank()) {
            return punctuate(detail.strip());
        }
        return switch (problem.status()) {
            case 404 -> "It no longer exists.";
            case 409 -> "This conflicts with what is already there.";
            case 412 -> "It was changed meanwhile; reload and try again.";
            case 413 -> "The file is too large.";
            case 429 -> "Too many requests; wait a moment and try again.";
            default -> "The request was refused.";
        };
    }

    private static String sentence(String label, String message) {
        return punctuate(label + " " + message);
    }

    private static String punctuate(String text) {
        String capitalized = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return capitalized.endsWith(".") || capitalized.endsWith("?") || capitalized.endsWith("!")
                ? capitalized
                : capitalized + ".";
    }
}
