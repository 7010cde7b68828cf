package com.financetracker.expenses.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SummaryQueryTest {

    @Test
    void groupsByCategoryByDefault() {
        assertThat(new SummaryQuery(null, null, null).grouping()).isEqualTo(SummaryGrouping.CATEGORY);
        assertThat(new SummaryQuery(null, null, "").grouping()).isEqualTo(SummaryGrouping.CATEGORY);
    }

    @Test
    void theGroupByParameterAcceptsExactlyTheGroupingsThereAre() {
        Pattern accepted = Pattern.compile(SummaryGrouping.PARAMETERS);
        List<String> parameters = Arrays.stream(SummaryGrouping.values())
                .map(SummaryGrouping::parameter)
                .toList();

        assertThat(parameters).allMatch(parameter -> accepted.matcher(parameter).matches());
        assertThat(SummaryGrouping.PARAMETERS.split("\\|")).hasSameSizeAs(SummaryGrouping.values());
        assertThat(SummaryGrouping.NOT_A_PARAMETER).isEqualTo("must be one of " + String.join(", ", parameters));
        for (SummaryGrouping grouping : SummaryGrouping.values()) {
            assertThat(new SummaryQuery(null, null, grouping.parameter()).grouping())
                    .isEqualTo(grouping);
        }
    }
}
