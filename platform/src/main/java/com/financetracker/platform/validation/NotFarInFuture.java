package com.financetracker.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The instant is not later than a few minutes from now: what another machine recorded, allowing for its clock being a
 * little ahead, but not a time that has not come. Null is valid.
 */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NotFarInFuture.Validator.class)
public @interface NotFarInFuture {

    /** How far ahead of this machine's clock another machine's clock may be. */
    Duration CLOCK_SKEW = Duration.ofMinutes(10);

    String message() default "must not be in the future";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Compares with the validator's clock. */
    final class Validator implements ConstraintValidator<NotFarInFuture, Instant> {
        @Override
        public boolean isValid(@Nullable Instant value, ConstraintValidatorContext context) {
            return value == null
                    || !value.isAfter(
                            context.getClockProvider().getClock().instant().plus(CLOCK_SKEW));
        }
    }
}
