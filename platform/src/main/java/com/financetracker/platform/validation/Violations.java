package com.financetracker.platform.validation;

import jakarta.validation.ConstraintValidatorContext;

/** Help for constraints on a whole object that report their problem on one of its fields. */
public final class Violations {

    private Violations() {}

    /**
     * Reports the message on the field instead of on the object, so the problem names the field the client sent;
     * returns false, for {@code return Violations.onField(…)} from {@code isValid}.
     */
    public static boolean onField(ConstraintValidatorContext context, String field, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(message)
                .addPropertyNode(field)
                .addConstraintViolation();
        return false;
    }
}
