package com.financetracker.expenses.expense;

import com.financetracker.platform.validation.Violations;
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

/** The days a query covers, from and to included; either end may be open. */
public interface DateWindow {

    @Nullable
    LocalDate from();

    @Nullable
    LocalDate to();

    /**
     * The window's ends are dates the database can compare, and it does not end before it starts. ISO dates such as
     * {@code +999999999-01-01} parse but are out of the database's range, and failed deep inside the query, so a year
     * must have four digits. The first problem is reported, on {@code from} or {@code to}.
     */
    @Documented
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = Valid.Validator.class)
    @interface Valid {

        String message() default "must not be before from";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Validator implements ConstraintValidator<Valid, DateWindow> {

            private static final String NOT_A_DATE = "must be a date (YYYY-MM-DD)";

            @Override
            public boolean isValid(DateWindow window, ConstraintValidatorContext context) {
                LocalDate from = window.from();
                LocalDate to = window.to();
                if (outOfRange(from)) {
                    return Violations.onField(context, "from", NOT_A_DATE);
                }
                if (outOfRange(to)) {
                    return Violations.onField(context, "to", NOT_A_DATE);
                }
                if (from != null && to != null && from.isAfter(to)) {
                    return Violations.onField(context, "to", context.getDefaultConstraintMessageTemplate());
                }
                return true;
            }

            private static boolean outOfRange(@Nullable LocalDate date) {
                return date != null && (date.getYear() < 1 || date.getYear() > 9999);
            }
        }
    }
}
