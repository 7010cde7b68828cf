package com.financetracker.platform.web;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Base for the exceptions a service throws to answer with a problem: the status, a type slug, a title and a
 * detail written for the client. Subclasses offer static factories ({@code EmailTakenException.forEmail(…)}).
 */
public class ProblemException extends ErrorResponseException {

    protected ProblemException(HttpStatus status, String typeSlug, String title, String detail) {
        this(status, ProblemType.uri(typeSlug), title, detail);
    }

    protected ProblemException(ProblemType type, String detail) {
        this(type.status(), type.uri(), type.title(), detail);
    }

    private ProblemException(HttpStatus status, URI type, String title, String detail) {
        super(status, ProblemResponses.of(status, type, title, detail), null);
    }

    /** A 400 naming the fields that are wrong, in the same shape as bean-validation failures. */
    public static ProblemException invalidFields(List<FieldProblem> errors) {
        ProblemException exception = new ProblemException(ProblemType.VALIDATION, FieldProblem.summary(errors.size()));
        exception.getBody().setProperty("errors", errors);
        return exception;
    }

    public static ProblemException invalidField(String field, String message) {
        return invalidFields(List.of(new FieldProblem(field, message)));
    }

    public static ProblemException of(ProblemType type, String detail) {
        return new ProblemException(type, detail);
    }
}
