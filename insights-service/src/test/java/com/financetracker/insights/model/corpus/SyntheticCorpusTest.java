package com.financetracker.insights.model.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.insights.model.CategoryModel;
import com.financetracker.insights.model.corpus.SyntheticCorpus.Expense;
import com.financetracker.insights.model.corpus.SyntheticCorpus.Injected;
import com.financetracker.insights.model.corpus.SyntheticCorpus.Person;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticCorpusTest {

    @Test
    void theSameSeedGivesTheSameCorpus() {
        assertThat(SyntheticCorpus.generate(11, 3)).isEqualTo(SyntheticCorpus.generate(11, 3));
        assertThat(SyntheticCorpus.generate(11, 3).get(2)).isEqualTo(SyntheticCorpus.person(11, 2));
        assertThat(SyntheticCorpus.generate(12, 1)).isNotEqualTo(SyntheticCorpus.generate(11, 1));
    }

    @Test
    void everyPersonHasTwoYearsOfExpensesInDateOrderWithLabelledAnomalies() {
        for (Person person : SyntheticCorpus.generate(5, 4)) {
            List<Expense> expenses = person.expenses();
            assertThat(expenses).hasSizeGreaterThan(300);
            assertThat(expenses)
                    .isSortedAccordingTo(Comparator.comparing(e -> e.text().date()));
            assertThat(expenses.getFirst().text().date()).isBefore(SyntheticCorpus.START.plusDays(10));
            assertThat(expenses.getLast().text().date()).isAfter(SyntheticCorpus.START.plusDays(600));
            assertThat(expenses).extracting(Expense::injected).contains(Injected.DUPLICATE, Injected.UNUSUAL_AMOUNT);
            assertThat(expenses).extracting(Expense::defaultCategory).isSubsetOf(CategoryModel.DEFAULT_CATEGORIES);
        }
    }

    @Test
    void peopleWhoKeepTheDefaultNamesUseNoOthers() {
        List<Person> people = SyntheticCorpus.generate(9, 12);

        assertThat(people).anyMatch(Person::defaultNames).anyMatch(person -> !person.defaultNames());
        people.stream()
                .filter(Person::defaultNames)
                .forEach(person -> assertThat(person.expenses())
                        .extracting(Expense::category)
                        .isSubsetOf(CategoryModel.DEFAULT_CATEGORIES));
    }
}
