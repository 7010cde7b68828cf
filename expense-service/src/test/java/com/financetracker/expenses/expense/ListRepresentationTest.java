package com.financetracker.expenses.expense;

import static com.financetracker.expenses.config.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.when;

import com.financetracker.expenses.config.ExpenseWebMvcTest;
import com.financetracker.platform.test.TestTokens;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Which representation {@code GET /expenses} answers with for each {@code Accept} header: JSON unless the client
 * prefers CSV (by quality, then by the more specific type); a header naming neither, or one that cannot be read, is a
 * 406 problem. The choice is Spring MVC's, between the JSON and the CSV handler.
 */
@ExpenseWebMvcTest(ExpenseController.class)
class ListRepresentationTest {

    private static final String JSON = "application/json";
    private static final String CSV = "text/csv;charset=UTF-8";
    private static final String NOT_ACCEPTABLE = "406";

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private ExpenseService expenses;

    private final String token = TestTokens.user(UUID.randomUUID());

    @BeforeEach
    void noExpenses() {
        when(expenses.list(any(), any(), any(), any(), anyInt()))
                .thenReturn(new ExpenseService.Page(List.of(), null, 0));
    }

    static Stream<Arguments> acceptHeaders() {
        return Stream.of(
                Arguments.of(null, JSON),
                Arguments.of("*/*", JSON),
                Arguments.of("application/json", JSON),
                Arguments.of("application/*", JSON),
                Arguments.of("text/csv", CSV),
                Arguments.of("text/csv;charset=utf-8", CSV),
                Arguments.of("application/json;q=0.5, text/csv", CSV),
                Arguments.of("text/csv;q=0.5, application/json", JSON),
                Arguments.of("application/json, text/csv", JSON),
                Arguments.of("text/csv, application/json", CSV),
                Arguments.of("text/csv;q=0.5, */*", JSON),
                Arguments.of("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", JSON),
                Arguments.of("*/*;q=0", JSON),
                Arguments.of("image/png, text/csv;q=0", CSV),
                // the type a range names wins over */* of the same quality, and text/* accepts CSV only (the
                // single handler with its own Accept parsing answered JSON to both)
                Arguments.of("text/*", CSV),
                Arguments.of("*/*, text/csv", CSV),
                Arguments.of("application/xml", NOT_ACCEPTABLE),
                Arguments.of("text/html", NOT_ACCEPTABLE),
                Arguments.of("garbage", NOT_ACCEPTABLE),
                Arguments.of("text/csv;q=abc", NOT_ACCEPTABLE));
    }

    @ParameterizedTest(name = "Accept: {0} -> {1}")
    @MethodSource("acceptHeaders")
    void answersWithTheRepresentationTheClientPrefers(String accept, String expected) {
        var request = mvc.get().uri("/expenses").header("Authorization", "Bearer " + token);
        if (accept != null) {
            request.header("Accept", accept);
        }

        MvcTestResult result = request.exchange();

        if (expected.equals(NOT_ACCEPTABLE)) {
            assertProblem(result, 406, "not-acceptable");
            assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json;charset=UTF-8");
            assertThat(result)
                    .bodyJson()
                    .extractingPath("$.detail")
                    .asString()
                    .endsWith("it offers application/json, text/csv");
            return;
        }
        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getContentType()).isEqualTo(expected);
        if (expected.equals(CSV)) {
            assertThat(result).hasHeader("Content-Disposition", "attachment; filename=\"expenses.csv\"");
            assertThat(result).hasBodyTextEqualTo("date,amount,currency,category,description,tags\r\n");
        } else {
            assertThat(result).doesNotContainHeader("Content-Disposition");
            assertThat(result).hasHeader("X-Total-Count", "0");
            assertThat(result).hasBodyTextEqualTo("[]");
        }
    }
}
