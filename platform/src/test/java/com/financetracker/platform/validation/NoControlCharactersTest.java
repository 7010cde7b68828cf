package com.financetracker.platform.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NoControlCharactersTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    record Text(
            @NoControlCharacters @Nullable String line,
            @NoControlCharacters(multiline = true) @Nullable String lines,
            @Nullable List<@NoControlCharacters String> labels) {}

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Lunch", "Café crème", "😀 中文 العربية", "50% off; 'quoted' \"too\"", "\u00a0\u2028"})
    void acceptsPrintableText(String text) {
        assertThat(VALIDATOR.validate(new Text(text, text, List.of(text)))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"\u0000", "a\u0007b", "\u001b[31mred", "del\u007f", "line\nbreak", "carriage\rreturn", "tab\t"})
    void refusesControlCharactersInALine(String text) {
        assertThat(fields(VALIDATOR.validate(new Text(text, null, List.of("ok", text)))))
                .containsExactlyInAnyOrder("line", "labels[1].<list element>");
    }

    @Test
    void textOfSeveralLinesMayHoldLineBreaksAndTabsOnly() {
        assertThat(VALIDATOR.validate(new Text(null, "two\nlines\r\nand\ta tab", null)))
                .isEmpty();
        assertThat(VALIDATOR.validate(new Text(null, "bell\u0007", null)))
                .extracting(ConstraintViolation::getMessage)
                .containsExactly("must not contain control characters");
        assertThat(VALIDATOR.validate(new Text(null, "escape\u001b", null))).hasSize(1);
    }

    @Test
    void nullIsValid() {
        assertThat(VALIDATOR.validate(new Text(null, null, null))).isEmpty();
    }

    private static List<String> fields(java.util.Set<ConstraintViolation<Text>> violations) {
        return violations.stream().map(v -> v.getPropertyPath().toString()).toList();
    }
}
