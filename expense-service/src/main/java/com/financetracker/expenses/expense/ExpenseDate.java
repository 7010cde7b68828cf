package com.financetracker.expenses.expense;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A day an expense can have: not before 1900-01-01 and not more than a year after today, as the validator's clock
 * ({@link jakarta.validation.ClockProvider}) tells it. Null is valid.
 */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ExpenseDate.Validator.class)
@interface ExpenseDate {

    String message() default "must be a date from 1900-01-01 to a year ahead";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<ExpenseDate, LocalDate> {

        static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

        @Override
        public boolean isValid(@Nullable LocalDate date, ConstraintValidatorContext context) {
            if (date == null) {
                return true;
            }
            LocalDate latest =
                    LocalDate.now(context.getClockProvider().getClock()).plusYears(1);
            String problem = date.isBefore(EARLIEST)
                    ? "must not be before " + EARLIEST
                    : date.isAfter(latest) ? "must not be more than a year ahead" : null;
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            return false;
        }
    }
}
