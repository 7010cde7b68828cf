package com.financetracker.expenses.category;

import com.financetracker.platform.web.ProblemException;
import com.financetracker.platform.web.ProblemType;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** The problems the category endpoints answer with. */
final class CategoryProblems {

    private CategoryProblems() {}

    static final class CategoryNotFoundException extends ProblemException {
        private CategoryNotFoundException(String detail) {
            super(ProblemType.NOT_FOUND, detail);
        }

        static CategoryNotFoundException forId(UUID id) {
            return new CategoryNotFoundException("No category with id " + id);
        }
    }

    static final class CategoryExistsException extends ProblemException {
        CategoryExistsException(String name) {
            super(
                    HttpStatus.CONFLICT,
                    "category-exists",
                    "Category exists",
                    "You already have a category named '" + name + "'");
        }
    }

    static final class CategoryInUseException extends ProblemException {
        CategoryInUseException(long expenses) {
            super(
                    HttpStatus.CONFLICT,
                    "category-in-use",
                    "Category in use",
                    expenses + " expenses use this category; pass reassignTo with the id of the category they"
                            + " should move to");
            getBody().setProperty("expenseCount", expenses);
        }
    }
}
