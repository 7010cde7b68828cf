package com.financetracker.expenses.expense;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.financetracker.platform.web.FieldProblem;
import com.financetracker.platform.web.ProblemException;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The rules every expense meets, whether it comes through the API or from a CSV file. */
class ExpenseRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    // just before midnight in UTC: the rules count days in the service's clock, not in the machine's zone
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T23:59:00Z"), ZoneOffset.UTC);
    private static final ValidatorFactory VALIDATION = Validation.byDefaultProvider()
            .configure()
            .clockProvider(() -> CLOCK)
            .buildValidatorFactory();

    private final ExpenseRules rules = new ExpenseRules(VALIDATION.getValidator());

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    @Test
    void aValidRequestBecomesANormalizedDraft() {
        ExpenseDraft draft = rules.require(
                new ExpenseRequest(
                        new BigDecimal("12.5"),
                        " eur ",
                        " Food ",
                        "  Lunch\nwith Bob ",
                        TODAY,
                        List.of("work", " work", "team ", "work")),
                null);

        assertThat(draft)
                .isEqualTo(new ExpenseDraft(
                        new BigDecimal("12.5"), "EUR", "Food", "Lunch\nwith Bob", TODAY, List.of("work", "team")));
    }

    @Test
    void theCurrencyDefaultsToTheUsersThenToUsd() {
        assertThat(rules.require(request("1", null), "CHF").currency()).isEqualTo("CHF");
        assertThat(rules.require(request("1", null), null).currency()).isEqualTo("USD");
        assertThat(problems(request("1", null), "XYZ"))
                .containsExactly(problem("currency", "must be an ISO 4217 currency code such as USD or EUR"));
    }

    @Test
    void aBlankDescriptionIsNoDescriptionAndNoTagsIsAnEmptyList() {
        ExpenseDraft draft =
                rules.require(new ExpenseRequest(BigDecimal.ONE, "EUR", "Food", " \t\n ", TODAY, null), null);

        assertThat(draft.description()).isNull();
        assertThat(draft.tags()).isEmpty();
    }

    @Test
    void amountDateAndCategoryAreRequired() {
        assertThat(problems(new ExpenseRequest(null, null, null, null, null, null), null))
                .containsExactly(
                        problem("amount", "is required"),
                        problem("category", "is required"),
                        problem("date", "is required"));
        assertThat(problems(new ExpenseRequest(BigDecimal.ONE, "EUR", "   ", null, TODAY, null), null))
                .containsExactly(problem("category", "is required"));
    }

    @Test
    void amountsArePositiveAtMostATrillionAndInTheCurrencysDecimals() {
        assertThat(amountProblem("0", "EUR")).isEqualTo("must be greater than 0");
        assertThat(amountProblem("-1", "EUR")).isEqualTo("must be greater than 0");
        assertThat(amountProblem("1000000000000.01", "EUR")).isEqualTo("must not exceed 1000000000000");
        assertThat(amountProblem("1.234", "EUR")).isEqualTo("must have at most 2 decimals in EUR");
        assertThat(amountProblem("100.5", "JPY")).isEqualTo("must be a whole number in JPY");
        assertThat(amountProblem("1.12345", "XAU")).isEqualTo("must have at most 4 decimals in XAU");
        for (String[] valid : new String[][] {
            {"0.01", "EUR"}, {"1000000000000", "EUR"}, {"1.2000", "EUR"}, {"1.125", "KWD"}, {"100", "JPY"}
        }) {
            assertThat(problems(request(valid[0], valid[1]), null)).as(valid[0]).isEmpty();
        }
    }

    @Test
    void anAmountIsNotCheckedAgainstAnUnknownCurrency() {
        assertThat(problems(request("-1", "XXY"), null))
                .containsExactly(problem("currency", "must be an ISO 4217 currency code such as USD or EUR"));
        assertThat(problems(new ExpenseRequest(null, "XXY", "Food", null, TODAY, null), null))
                .containsExactly(
                        problem("currency", "must be an ISO 4217 currency code such as USD or EUR"),
                        problem("amount", "is required"));
    }

    @Test
    void categoriesHaveOneToFiftyCharactersOnOneLine() {
        assertThat(categoryProblems("c".repeat(50))).isEmpty();
        assertThat(categoryProblems("c".repeat(51))).containsExactly("must have at most 50 characters");
        assertThat(categoryProblems("\u0007" + "c".repeat(50))).containsExactly("must have at most 50 characters");
        assertThat(categoryProblems("Fo\nod")).containsExactly("must not contain control characters");
        assertThat(categoryProblems("Fo\u001bod")).containsExactly("must not contain control characters");
    }

    @Test
    void descriptionsHaveAtMostFiveHundredCharactersAndMayHoldLineBreaks() {
        assertThat(descriptionProblems("d".repeat(500))).isEmpty();
        assertThat(descriptionProblems("two\nlines\r\nand\ta tab")).isEmpty();
        assertThat(descriptionProblems("d".repeat(501))).containsExactly("must have at most 500 characters");
        assertThat(descriptionProblems("\u0007" + "d".repeat(500))).containsExactly("must have at most 500 characters");
        assertThat(descriptionProblems("bell\u0007")).containsExactly("must not contain control characters");
    }

    @Test
    void datesRunFrom1900ToAYearAfterToday() {
        assertThat(dateProblems(LocalDate.of(1900, 1, 1))).isEmpty();
        assertThat(dateProblems(TODAY.plusYears(1))).isEmpty();
        assertThat(dateProblems(LocalDate.of(1899, 12, 31))).containsExactly("must not be before 1900-01-01");
        assertThat(dateProblems(TODAY.plusYears(1).plusDays(1))).containsExactly("must not be more than a year ahead");
    }

    @Test
    void tagsAreAtMostTwentyLabelsOfOneToThirtyCharactersWithoutTheCsvSeparator() {
        assertThat(tagProblems("t".repeat(30), "😀", "e\u0301")).isEmpty();
        assertThat(tagProblems("ok", "", "t".repeat(31), " ", null))
                .containsExactly(
                        problem("tags[1]", "must have 1 to 30 characters"),
                        problem("tags[2]", "must have 1 to 30 characters"),
                        problem("tags[3]", "must have 1 to 30 characters"),
                        problem("tags[4]", "must have 1 to 30 characters"));
        assertThat(tagProblems("ok", "a;b", "x\ty", ";" + "t".repeat(30)))
                .containsExactly(
                        problem("tags[1]", "must not contain ';' (it separates tags in CSV)"),
                        problem("tags[2]", "must not contain control characters"),
                        problem("tags[3]", "must have 1 to 30 characters"));
    }

    @Test
    void tooManyTagsAreOneProblemWhateverTheTags() {
        List<String> tags = new ArrayList<>(Collections.nCopies(20, "t"));
        assertThat(tagProblems(tags.toArray(String[]::new))).isEmpty();

        tags.add("");
        tags.add("a;b");

        assertThat(tagProblems(tags.toArray(String[]::new)))
                .containsExactly(problem("tags", "must have at most 20 tags"));
    }

    @Test
    void everyFieldIsReportedOnceInAFixedOrder() {
        ExpenseRequest everythingWrong = new ExpenseRequest(
                new BigDecimal("-1"),
                "usd",
                "c".repeat(51),
                "d".repeat(501),
                LocalDate.of(1899, 12, 31),
                List.of("ok", "t".repeat(31), "a;b"));

        assertThat(problems(everythingWrong, null))
                .containsExactly(
                        problem("amount", "must be greater than 0"),
                        problem("category", "must have at most 50 characters"),
                        problem("description", "must have at most 500 characters"),
                        problem("date", "must not be before 1900-01-01"),
                        problem("tags[1]", "must have 1 to 30 characters"),
                        problem("tags[2]", "must not contain ';' (it separates tags in CSV)"));
        assertThat(problems(new ExpenseRequest(null, "XXY", null, null, null, List.of("a;b")), null))
                .extracting(FieldProblem::field)
                .containsExactly("currency", "amount", "category", "date", "tags[0]");
    }

    @Test
    void requireThrowsAValidationProblemNamingEveryField() {
        assertThatThrownBy(() -> rules.require(new ExpenseRequest(null, null, "Food", null, null, null), null))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.getStatusCode().value()).isEqualTo(400);
                    assertThat(problem.getBody().getProperties())
                            .containsEntry(
                                    "errors",
                                    List.of(problem("amount", "is required"), problem("date", "is required")));
                });
    }

    private List<FieldProblem> problems(ExpenseRequest request, @Nullable String defaultCurrency) {
        ExpenseRules.Checked checked = rules.check(request, defaultCurrency);
        assertThat(checked.draft() == null).isEqualTo(!checked.problems().isEmpty());
        return checked.problems();
    }

    private String amountProblem(String amount, String currency) {
        List<FieldProblem> problems = problems(request(amount, currency), null);
        assertThat(problems).extracting(FieldProblem::field).containsExactly("amount");
        return problems.getFirst().message();
    }

    private List<String> categoryProblems(String category) {
        return messages(new ExpenseRequest(BigDecimal.ONE, "EUR", category, null, TODAY, null));
    }

    private List<String> descriptionProblems(String description) {
        return messages(new ExpenseRequest(BigDecimal.ONE, "EUR", "Food", description, TODAY, null));
    }

    private List<String> dateProblems(LocalDate date) {
        return messages(new ExpenseRequest(BigDecimal.ONE, "EUR", "Food", null, date, null));
    }

    private List<FieldProblem> tagProblems(@Nullable String... tags) {
        return problems(new ExpenseRequest(BigDecimal.ONE, "EUR", "Food", null, TODAY, Arrays.asList(tags)), null);
    }

    private List<String> messages(ExpenseRequest request) {
        return problems(request, null).stream().map(FieldProblem::message).toList();
    }

    private static ExpenseRequest request(String amount, @Nullable String currency) {
        return new ExpenseRequest(new BigDecimal(amount), currency, "Food", null, TODAY, null);
    }

    private static FieldProblem problem(String field, String message) {
        return new FieldProblem(field, message);
    }
}
