package com.financetracker.platform.web;

import org.springframework.beans.PropertyAccessException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.util.ObjectUtils;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;

/**
 * Words the errors of request parameters bound to an object (a query record) as a single parameter's are worded in a
 * problem: {@code limit} "must be a whole number", {@code from} "must be a date (YYYY-MM-DD)". The default wording is
 * the converter's message, which names Java types. Install it in an {@code @InitBinder} method with {@code
 * binder.setBindingErrorProcessor(new ProblemBindingErrorProcessor())}.
 */
public final class ProblemBindingErrorProcessor extends DefaultBindingErrorProcessor {

    @Override
    public void processPropertyAccessException(PropertyAccessException ex, BindingResult bindingResult) {
        String field = ex.getPropertyName();
        if (field == null) {
            super.processPropertyAccessException(ex, bindingResult);
            return;
        }
        String message = ex instanceof TypeMismatchException mismatch
                ? "must be " + ProblemExceptionHandler.describe(mismatch.getRequiredType())
                : "is invalid";
        Object rejected = ex.getValue();
        if (ObjectUtils.isArray(rejected)) {
            rejected = StringUtils.arrayToCommaDelimitedString(ObjectUtils.toObjectArray(rejected));
        }
        FieldError error = new FieldError(
                bindingResult.getObjectName(),
                field,
                rejected,
                true,
                bindingResult.resolveMessageCodes(ex.getErrorCode(), field),
                getArgumentsForBindError(bindingResult.getObjectName(), field),
                message);
        error.wrap(ex);
        bindingResult.addError(error);
    }
}
