package com.financetracker.expenses.expense;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class DateWindowTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();
    private static final LocalDate FAR_FUTURE = LocalDate.of(10000, 1, 1);
    private static final LocalDate BEFORE_YEAR_ONE = LocalDate.of(0, 12, 31);

    @DateWindow.Valid
    record Window(@Nullable LocalDate from, @Nullable LocalDate to) implements DateWindow {}

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void eitherEndMayBeOpenAndBothMayBeTheSameDay() {
        LocalDate day = LocalDate.of(2026, 2, 15);

        for (Window window : List.of(
                new Window(null, null),
                new Window(day, null),
                new Window(null, day),
                new Window(day, day),
                new Window(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31)))) {
            assertThat(problems(window)).as(window.toString()).isEmpty();
        }
    }

    @Test
    void aWindowMayNotEndBeforeItStarts() {
        assertThat(problems(new Window(LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 1))))
                .containsExactly("to must not be before from");
    }

    @Test
    void yearsHaveFourDigitsAndOnlyTheFirstProblemIsReported() {
        assertThat(problems(new Window(FAR_FUTURE, null))).containsExactly("from must be a date (YYYY-MM-DD)");
        assertThat(problems(new Window(null, BEFORE_YEAR_ONE))).containsExactly("to must be a date (YYYY-MM-DD)");
        assertThat(problems(new Window(FAR_FUTURE, BEFORE_YEAR_ONE)))
                .containsExactly("from must be a date (YYYY-MM-DD)");
        assertThat(problems(new Window(LocalDate.of(2026, 1, 1), FAR_FUTURE)))
                .containsExactly("to must be a date (YYYY-MM-DD)");
    }

    private static List<String> problems(Window window) {
        return VALIDATOR.validate(window).stream()
                .map(violation -> violation.getPropertyPath() + " " + violation.getMessage())
                .toList();
    }
}
