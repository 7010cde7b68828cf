package com.financetracker.expenses.expense;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ExpenseQueryTest {

    @Test
    void anEmptyQueryIsTheFirstFiftyNewestFirstOfEverything() {
        ExpenseQuery query = new ExpenseQuery(null, null, null, null, null, null, null, null, null, null, null);

        assertThat(query.order()).isEqualTo(ExpenseSort.DATE_DESC);
        assertThat(query.pageSize()).isEqualTo(50);
        assertThat(query.filter().selectsAll()).isTrue();
        assertThat(new ExpenseQuery(null, null, null, null, null, null, null, null, "", null, null).order())
                .isEqualTo(ExpenseSort.DATE_DESC);
    }

    @Test
    void theSearchTextIsTrimmedAndBlankSearchesNothing() {
        assertThat(withText("  lunch ").filter().text()).isEqualTo("lunch");
        assertThat(withText(" \t ").filter().text()).isNull();
        assertThat(withText(" \t ").filter().selectsAll()).isTrue();
    }

    @Test
    void theSortParameterAcceptsExactlyTheOrdersThereAre() {
        Pattern accepted = Pattern.compile(ExpenseSort.PARAMETERS);
        List<String> parameters =
                Arrays.stream(ExpenseSort.values()).map(ExpenseSort::parameter).toList();

        assertThat(parameters).allMatch(parameter -> accepted.matcher(parameter).matches());
        assertThat(ExpenseSort.PARAMETERS.split("\\|")).hasSameSizeAs(ExpenseSort.values());
        assertThat(ExpenseSort.NOT_A_PARAMETER).isEqualTo("must be one of " + String.join(", ", parameters));
        for (String parameter : parameters) {
            ExpenseQuery query = new ExpenseQuery(null, null, null, null, null, null, null, null, parameter, 1, null);
            assertThat(query.order().parameter()).isEqualTo(parameter);
        }
    }

    private static ExpenseQuery withText(String q) {
        return new ExpenseQuery(null, null, null, null, null, null, null, q, null, null, null);
    }
}
