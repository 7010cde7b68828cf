package com.financetracker.expenses.summary;

import static com.financetracker.expenses.config.ProblemAssertions.assertInvalidField;
import static com.financetracker.expenses.config.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.financetracker.expenses.config.ExpenseWebMvcTest;
import com.financetracker.platform.test.TestTokens;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** How GET /expenses/summary reads its parameters and writes totals; the database is mocked. */
@ExpenseWebMvcTest(SummaryController.class)
class SummaryControllerTest {

    private static final UUID USER = UUID.randomUUID();
    private static final String TOKEN = TestTokens.user(USER);

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private SummaryRepository summaries;

    @ParameterizedTest
    @CsvSource({
        "'', CATEGORY",
        "?groupBy=, CATEGORY",
        "?groupBy=category, CATEGORY",
        "?groupBy=month, MONTH",
        "?groupBy=week, WEEK",
        "?groupBy=day, DAY",
        "?groupBy=tag, TAG"
    })
    void groupsByCategoryUnlessToldOtherwise(String query, SummaryGrouping grouping) {
        assertThat(get("/expenses/summary" + query)).hasStatusOk();

        verify(summaries).totals(USER, null, null, grouping);
    }

    @Test
    void passesTheWindowAndEchoesIt() {
        MvcTestResult result = get("/expenses/summary?from=2026-02-01&to=2026-02-28");

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.from").isEqualTo("2026-02-01");
        assertThat(result).bodyJson().extractingPath("$.to").isEqualTo("2026-02-28");
        verify(summaries).totals(USER, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28), SummaryGrouping.CATEGORY);
    }

    @Test
    void writesTotalsWithTheCurrencysDecimalsAndAveragesRoundedHalfEven() {
        when(summaries.totals(any(), any(), any(), eq(SummaryGrouping.TAG)))
                .thenReturn(List.of(
                        new SummaryRepository.Row("work", "USD", new BigDecimal("0.0500"), 2),
                        new SummaryRepository.Row("work", "JPY", new BigDecimal("3.0000"), 2),
                        new SummaryRepository.Row("work", "KWD", new BigDecimal("7.0000"), 3),
                        new SummaryRepository.Row(null, "EUR", new BigDecimal("10.0000"), 3)));

        MvcTestResult result = get("/expenses/summary?groupBy=tag");

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().isStrictlyEqualTo("""
                        {"from":null,"to":null,"groups":[
                          {"key":"work","currency":"USD","total":"0.05","count":2,"average":"0.02"},
                          {"key":"work","currency":"JPY","total":"3","count":2,"average":"2"},
                          {"key":"work","currency":"KWD","total":"7.000","count":3,"average":"2.333"},
                          {"key":null,"currency":"EUR","total":"10.00","count":3,"average":"3.33"}]}
                        """);
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "groupBy=year                  | groupBy | must be one of category, month, week, day, tag",
                "groupBy=CATEGORY              | groupBy | must be one of category, month, week, day, tag",
                "from=2026-13-01               | from    | must be a date (YYYY-MM-DD)",
                "from=yesterday                | from    | must be a date (YYYY-MM-DD)",
                "to=%2B999999999-01-01         | to      | must be a date (YYYY-MM-DD)",
                "from=2026-03-01&to=2026-02-01 | to      | must not be before from",
            })
    void refusesAnInvalidParameterNamingIt(String query, String field, String message) {
        MvcTestResult result = get("/expenses/summary?" + query);

        assertInvalidField(result, field, message);
        verifyNoInteractions(summaries);
    }

    @Test
    void needsAUserToken() {
        assertProblem(mvc.get().uri("/expenses/summary").exchange(), 401, "unauthorized");
        verifyNoInteractions(summaries);
    }

    private MvcTestResult get(String uri) {
        return mvc.get()
                .uri(URI.create(uri))
                .header("Authorization", "Bearer " + TOKEN)
                .exchange();
    }
}
