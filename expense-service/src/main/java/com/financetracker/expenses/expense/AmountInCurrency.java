package com.financetracker.expenses.expense;

import com.financetracker.platform.validation.CurrencyCode;
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

/**
 * The request's amount is one an expense can have in its currency ({@link Money#problem}): above zero, at most
 * 10^12, with no more decimals than the currency has. Reported on {@code amount}; not checked while the amount is
 * missing or the currency unknown, which other rules report.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = AmountInCurrency.Validator.class)
@interface AmountInCurrency {

    String message() default "must be an amount in the currency";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<AmountInCurrency, ExpenseRequest> {

        @Override
        public boolean isValid(ExpenseRequest request, ConstraintValidatorContext context) {
            if (request.amount() == null
                    || request.currency() == null
                    || !CurrencyCode.Validator.isKnown(request.currency())) {
                return true;
            }
            String problem = Money.problem(request.amount(), request.currency());
            return problem == null || Violations.onField(context, "amount", problem);
        }
    }
}
