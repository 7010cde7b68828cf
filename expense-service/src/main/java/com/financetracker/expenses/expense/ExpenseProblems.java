package com.financetracker.expenses.expense;

import com.financetracker.platform.web.ProblemException;
import com.financetracker.platform.web.ProblemType;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** The problems the expense endpoints answer with. */
final class ExpenseProblems {

    private ExpenseProblems() {}

    /** Also the answer for another user's expense: whether it exists is none of the caller's business. */
    static final class ExpenseNotFoundException extends ProblemException {
        private ExpenseNotFoundException(String detail) {
            super(ProblemType.NOT_FOUND, detail);
        }

        static ExpenseNotFoundException forId(UUID id) {
            return new ExpenseNotFoundException("No expense with id " + id);
        }
    }

    static final class StaleVersionException extends ProblemException {
        StaleVersionException(String current) {
            super(
                    ProblemType.PRECONDITION_FAILED,
                    "The expense has changed since you read it (it is now version " + current
                            + "); read it again and reapply your change");
            getHeaders().setETag(current);
        }
    }

    static final class IdempotencyKeyReusedException extends ProblemException {
        IdempotencyKeyReusedException() {
            super(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "idempotency-key-reused",
                    "Idempotency key reused",
                    "This Idempotency-Key was already used for a different request");
        }
    }
}
