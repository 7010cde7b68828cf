package com.financetracker.platform.web;

import com.financetracker.platform.validation.JsonInput;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Set;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies a JSON merge patch (RFC 7396) to a resource's editable state and validates the result like a full
 * replacement: absent members keep their value, {@code null} removes one, anything else replaces it. A patch that
 * leaves the resource invalid is answered with a 400 naming the fields.
 */
public final class MergePatch {

    /** {@code application/merge-patch+json}. */
    public static final String MEDIA_TYPE = "application/merge-patch+json";

    public static final MediaType MEDIA_TYPE_VALUE = MediaType.parseMediaType(MEDIA_TYPE);

    private final JsonMapper json;
    private final Validator validator;

    public MergePatch(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /**
     * Patches {@code current} and returns the validated result.
     *
     * @param current the resource's editable state, as the record a full replacement would send
     * @param patch the patch document, which must be a JSON object
     */
    public <T> T apply(T current, JsonNode patch) {
        T result = merge(current, patch);
        Set<ConstraintViolation<T>> violations = validator.validate(result);
        if (!violations.isEmpty()) {
            throw ProblemException.invalidFields(violations.stream()
                    .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(FieldProblem::field))
                    .toList());
        }
        return result;
    }

    /** Patches {@code current} without validating the result, for callers that validate it themselves. */
    @SuppressWarnings("unchecked")
    public <T> T merge(T current, JsonNode patch) {
        if (!patch.isObject()) {
            throw ProblemException.of(ProblemType.MALFORMED_REQUEST, "A merge patch must be a JSON object");
        }
        JsonNode merged = merge(json.valueToTree(current), patch);
        try {
            return (T) json.treeToValue(merged, current.getClass());
        } catch (JacksonException e) {
            throw invalidShape(e);
        }
    }

    private JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target.isObject() ? ((ObjectNode) target).deepCopy() : json.createObjectNode();
        for (var member : patch.properties()) {
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), merge(result.path(member.getKey()), member.getValue()));
            }
        }
        return result;
    }

    private static ProblemException invalidShape(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return ProblemException.invalidField(unknown.getPropertyName(), "is not a known field");
        }
        if (e instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String field = databind.getPath().getLast().getPropertyName();
            return ProblemException.invalidField(field == null ? "body" : field, JsonInput.expected(databind));
        }
        return ProblemException.of(ProblemType.MALFORMED_REQUEST, "The patch does not have the expected shape");
    }
}
