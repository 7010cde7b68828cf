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
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The text holds no control characters (ASCII 0 to 31 and 127): it is text a person typed on one line, not terminal
 * escapes or other bytes that would garble a list, a log or a CSV export. With {@code multiline = true}, line breaks
 * and tabs are allowed, for text of several lines such as a description. Null is valid.
 */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NoControlCharacters.Validator.class)
public @interface NoControlCharacters {

    String message() default "must not contain control characters";

    /** Whether line breaks (CR, LF) and tabs are allowed. */
    boolean multiline() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Looks for a control character that the constraint does not allow. */
    final class Validator implements ConstraintValidator<NoControlCharacters, CharSequence> {

        private static final Pattern ANY = Pattern.compile("\\p{Cntrl}");
        private static final Pattern ANY_BUT_LINE_BREAKS = Pattern.compile("[\\p{Cntrl}&&[^\\n\\r\\t]]");

        private Pattern forbidden = ANY;

        @Override
        public void initialize(NoControlCharacters constraint) {
            forbidden = constraint.multiline() ? ANY_BUT_LINE_BREAKS : ANY;
        }

        @Override
        public boolean isValid(@Nullable CharSequence value, ConstraintValidatorContext context) {
            return value == null || !forbidden.matcher(value).find();
        }
    }
}
