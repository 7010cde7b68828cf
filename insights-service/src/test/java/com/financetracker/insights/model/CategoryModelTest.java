package com.financetracker.insights.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CategoryModelTest {

    private static final LocalDate MONDAY = LocalDate.of(2025, 3, 3);

    @Test
    void coldStartSuggestsTransportForARideDescription() {
        List<Suggestion> suggestions =
                CategoryModel.coldStart().suggest(expense("UBER *TRIP 8372 SAN FRANCISCO", "18.40"), 3);

        assertThat(suggestions.getFirst().category()).isEqualTo("Transport");
        assertThat(suggestions.getFirst().because()).contains("uber");
        assertThat(CategoryModel.coldStart().examples()).isZero();
        assertThat(CategoryModel.DEFAULT_CATEGORIES)
                .contains(suggestions.getFirst().category());
    }

    @Test
    void learnsAPersonsOwnCategoryNames() {
        CategoryModel model = CategoryModel.train(personalHistory());

        assertThat(model.suggest(expense("REWE MARKT GMBH #0815 HAMBURG", "31.70"), 1))
                .first()
                .extracting(Suggestion::category)
                .isEqualTo("Essen");
        assertThat(model.suggest(expense("NETFLIX.COM", "15.49"), 1))
                .first()
                .extracting(Suggestion::category)
                .isEqualTo("Streaming");
        assertThat(model.examples()).isEqualTo(personalHistory().size());
    }

    @Test
    void aCorrectionChangesTheNextSuggestionAtOnce() {
        CategoryModel model = CategoryModel.train(personalHistory());
        ExpenseText dinner = expense("SQ *LUCKY NOODLE HOUSE BERLIN", "42.00");
        assertThat(model.suggest(dinner, 1).getFirst().category()).isNotEqualTo("Date night");

        CategoryModel corrected = model.learn(new LabelledExpense(dinner, "Date night"));

        Suggestion next = corrected
                .suggest(expense("SQ *LUCKY NOODLE HOUSE BERLIN 14.03", "39.50"), 1)
                .getFirst();
        assertThat(next.category()).isEqualTo("Date night");
        assertThat(corrected.corrections()).isEqualTo(1);
        assertThat(model.suggest(dinner, 1).getFirst().category())
                .as("the original model is unchanged")
                .isNotEqualTo("Date night");
    }

    @Test
    void confidencesAreSortedAndAddUpToAtMostOne() {
        CategoryModel model = CategoryModel.train(personalHistory());

        for (String description : List.of("AMZN MKTP US*2K4L91", "SHELL 0423", "SOMETHING NEVER SEEN")) {
            List<Suggestion> suggestions = model.suggest(expense(description, "25.00"), 10);
            List<Double> confidences =
                    suggestions.stream().map(Suggestion::confidence).toList();
            assertThat(confidences).isSortedAccordingTo((a, b) -> Double.compare(b, a));
            assertThat(confidences).allSatisfy(c -> assertThat(c).isBetween(0.0, 1.0));
            assertThat(confidences.stream().mapToDouble(Double::doubleValue).sum())
                    .isLessThanOrEqualTo(1.0 + 1e-9);
            assertThat(suggestions).allSatisfy(s -> assertThat(s.because()).hasSizeLessThanOrEqualTo(3));
        }
        assertThat(model.suggest(expense("SHELL 0423", "25.00"), 2)).hasSize(2);
    }

    @Test
    void bytesReadBackGiveIdenticalSuggestions() {
        CategoryModel model = CategoryModel.train(personalHistory())
                .learn(new LabelledExpense(expense("SQ *LUCKY NOODLE HOUSE", "42.00"), "Date night"));

        CategoryModel read = CategoryModel.fromBytes(model.toBytes());

        for (String description : List.of("REWE #0815", "SQ *LUCKY NOODLE HOUSE", "ARAL STATION 7", "NEW PLACE")) {
            ExpenseText expense = expense(description, "18.00");
            assertThat(read.suggest(expense, 5)).isEqualTo(model.suggest(expense, 5));
        }
        assertThat(read.examples()).isEqualTo(model.examples());
        assertThat(CategoryModel.fromBytes(CategoryModel.coldStart().toBytes())).isSameAs(CategoryModel.coldStart());
    }

    @Test
    void rejectsBytesItCannotRead() {
        byte[] model = CategoryModel.train(personalHistory()).toBytes();
        byte[] otherVersion = model.clone();
        otherVersion[4] = (byte) (CategoryModel.FORMAT_VERSION + 1);
        byte[] damaged = model.clone();
        damaged[model.length / 2] ^= 0x5A;

        assertThatIllegalArgumentException().isThrownBy(() -> CategoryModel.fromBytes(new byte[0]));
        assertThatIllegalArgumentException().isThrownBy(() -> CategoryModel.fromBytes("not a model at all".getBytes()));
        assertThatIllegalArgumentException().isThrownBy(() -> CategoryModel.fromBytes(otherVersion));
        assertThatIllegalArgumentException().isThrownBy(() -> CategoryModel.fromBytes(damaged));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CategoryModel.fromBytes(Arrays.copyOf(model, model.length - 7)));
    }

    @Test
    void aHistoryOfOneCategoryStillSuggestsThatCategoryForItsMerchant() {
        List<LabelledExpense> history = List.of(
                new LabelledExpense(expense("VATTENFALL EUROPE", "80.00"), "Strom"),
                new LabelledExpense(expense("VATTENFALL EUROPE", "82.00"), "Strom"));

        CategoryModel model = CategoryModel.train(history);

        assertThat(model.suggest(expense("VATTENFALL EUROPE", "81.00"), 1)
                        .getFirst()
                        .category())
                .isEqualTo("Strom");
        assertThat(CategoryModel.train(List.of())).isSameAs(CategoryModel.coldStart());
    }

    /** A person who writes German category names and has one category of their own. */
    private static List<LabelledExpense> personalHistory() {
        List<LabelledExpense> history = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            history.add(labelled("REWE MARKT GMBH #0" + (100 + i) + " BERLIN", 20 + i, "Essen"));
            history.add(labelled("EC EDEKA " + (10 + i) + ".02", 15 + i, "Essen"));
            history.add(labelled("ARAL STATION " + i, 50 + i, "Auto"));
            history.add(labelled("SHELL " + (400 + i), 45 + i, "Auto"));
            history.add(labelled("AMAZON.COM*MK" + i, 30 + i, "Haushalt"));
            history.add(labelled("IKEA #12" + i, 80 + i, "Haushalt"));
            history.add(labelled(i % 2 == 0 ? "NETFLIX.COM" : "SPOTIFY P" + i, 12, "Streaming"));
            history.add(labelled("SQ *LUCKY NOODLE HOUSE BERLIN", 25 + i, "Essen"));
        }
        return history;
    }

    private static LabelledExpense labelled(String description, double amount, String category) {
        return new LabelledExpense(expense(description, String.valueOf(amount)), category);
    }

    private static ExpenseText expense(String description, String amount) {
        return new ExpenseText(description, new BigDecimal(amount), "EUR", MONDAY);
    }
}
