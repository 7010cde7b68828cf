package com.financetracker.expenses.expense;

import static com.financetracker.expenses.config.ProblemAssertions.assertInvalidField;
import static com.financetracker.expenses.config.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.financetracker.expenses.config.ExpenseWebMvcTest;
import com.financetracker.expenses.expense.ExpenseProblems.ExpenseNotFoundException;
import com.financetracker.expenses.expense.ExpenseProblems.StaleVersionException;
import com.financetracker.platform.test.TestTokens;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** How the expense endpoints read requests and answer problems; what the service does is mocked. */
@ExpenseWebMvcTest(ExpenseController.class)
class ExpenseControllerTest {

    private static final UUID USER = UUID.randomUUID();
    private static final String TOKEN = TestTokens.user(USER);
    private static final Instant NOW = Instant.parse("2026-11-23T20:17:45Z");

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private ExpenseService expenses;

    @BeforeEach
    void noExpenses() {
        when(expenses.list(any(), any(), any(), any(), anyInt()))
                .thenReturn(new ExpenseService.Page(List.of(), null, 0));
    }

    @Test
    void bindsEveryFilterOfTheList() {
        MvcTestResult result = get("/expenses?from=2026-01-01&to=2026-01-31&category=Food&category=travel&tag=work"
                + "&currency=eur&minAmount=1.5&maxAmount=10&q=%20lunch%20&sort=amount&limit=10&cursor=abc");

        assertThat(result).hasStatusOk();
        ArgumentCaptor<ExpenseFilter> filter = ArgumentCaptor.forClass(ExpenseFilter.class);
        verify(expenses).list(eq(USER), filter.capture(), eq(ExpenseSort.AMOUNT_ASC), eq("abc"), eq(10));
        assertThat(filter.getValue())
                .isEqualTo(new ExpenseFilter(
                        LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 1, 31),
                        List.of("Food", "travel"),
                        List.of("work"),
                        "eur",
                        new BigDecimal("1.5"),
                        BigDecimal.TEN,
                        "lunch"));
    }

    @Test
    void aListWithoutParametersIsTheFirstFiftyNewestFirst() {
        assertThat(get("/expenses?sort=&limit=&q=%20%20")).hasStatusOk();

        ArgumentCaptor<ExpenseFilter> filter = ArgumentCaptor.forClass(ExpenseFilter.class);
        verify(expenses).list(eq(USER), filter.capture(), eq(ExpenseSort.DATE_DESC), eq(null), eq(50));
        assertThat(filter.getValue())
                .isEqualTo(new ExpenseFilter(null, null, List.of(), List.of(), null, null, null, null));
    }

    @Test
    void aSingleParameterMayListSeveralCategoriesOrTagsSeparatedByCommas() {
        assertThat(get("/expenses?category=Food,Travel&tag=a,b")).hasStatusOk();

        ArgumentCaptor<ExpenseFilter> filter = ArgumentCaptor.forClass(ExpenseFilter.class);
        verify(expenses).list(eq(USER), filter.capture(), any(), any(), anyInt());
        assertThat(filter.getValue().categories()).containsExactly("Food", "Travel");
        assertThat(filter.getValue().tags()).containsExactly("a", "b");
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "limit=0                    | limit       | must be greater than or equal to 1",
                "limit=1001                 | limit       | must be less than or equal to 1000",
                "limit=abc                  | limit       | must be a whole number",
                "limit=1.5                  | limit       | must be a whole number",
                "from=2026-02-30            | from        | must be a date (YYYY-MM-DD)",
                "to=2026-01-01T00:00:00Z    | to          | must be a date (YYYY-MM-DD)",
                "from=%2B999999999-01-01    | from        | must be a date (YYYY-MM-DD)",
                "to=-0001-01-01             | to          | must be a date (YYYY-MM-DD)",
                "from=2026-02-02&to=2026-02-01 | to       | must not be before from",
                "minAmount=NaN              | minAmount   | must be a number",
                "maxAmount=1e1000000        | maxAmount   | must be a number with at most 13 digits before the point and 4 after",
                "minAmount=0.00001          | minAmount   | must be a number with at most 13 digits before the point and 4 after",
                "sort=description           | sort        | must be one of -date, date, -amount, amount, -createdAt",
                "sort=%2Bdate               | sort        | must be one of -date, date, -amount, amount, -createdAt",
                "sort=-date&sort=amount     | sort        | must be one of -date, date, -amount, amount, -createdAt",
                "currency=EURO              | currency    | size must be between 3 and 3",
                "category=cccccccccccccccccccccccccccccccccccccccccccccccccc1 | category[0] | size must be between 0 and 50",
                "category=ok&category=cccccccccccccccccccccccccccccccccccccccccccccccccc1 | category[1] | size must be between 0 and 50",
                "tag=ttttttttttttttttttttttttttttt31 | tag[0] | size must be between 0 and 30",
            })
    void refusesAnInvalidListParameterNamingIt(String query, String field, String message) {
        MvcTestResult result = get("/expenses?" + query);

        assertInvalidField(result, field, message);
        verifyNoInteractions(expenses);
    }

    @Test
    void refusesTooLongTextsAndCursors() {
        assertInvalidField(get("/expenses?q=" + "q".repeat(101)), "q", "size must be between 0 and 100");
        assertInvalidField(get("/expenses?cursor=" + "c".repeat(501)), "cursor", "size must be between 0 and 500");
        assertThat(get("/expenses?q=" + "q".repeat(100) + "&cursor=" + "c".repeat(500)))
                .hasStatusOk();
    }

    @Test
    void anExportIsValidatedLikeAList() {
        MvcTestResult result = mvc.get()
                .uri("/expenses?sort=nope")
                .header("Authorization", "Bearer " + TOKEN)
                .header("Accept", "text/csv")
                .exchange();

        assertInvalidField(result, "sort", "must be one of -date, date, -amount, amount, -createdAt");
    }

    @Test
    void theNextPageIsLinkedWithTheSameFiltersAndTheTotalIsCounted() {
        when(expenses.list(any(), any(), any(), any(), anyInt()))
                .thenReturn(new ExpenseService.Page(List.of(expense(3)), "next-page", 7));

        MvcTestResult result = get("/expenses?category=food&q=50%25&limit=1&cursor=this-page");

        assertThat(result).hasStatusOk();
        assertThat(result).hasHeader("X-Total-Count", "7");
        assertThat(result)
                .hasHeader("Link", "</expenses?category=food&q=50%25&limit=1&cursor=next-page>; rel=\"next\"");
        assertThat(result).bodyJson().extractingPath("$[0].amount").isEqualTo("12.50");
        assertThat(result).bodyJson().extractingPath("$[0].version").isEqualTo(3);
    }

    @Test
    void theLastPageHasNoLink() {
        when(expenses.list(any(), any(), any(), any(), anyInt()))
                .thenReturn(new ExpenseService.Page(List.of(expense(1)), null, 1));

        MvcTestResult result = get("/expenses");

        assertThat(result).hasHeader("X-Total-Count", "1");
        assertThat(result).doesNotContainHeader("Link");
    }

    @Test
    void createAnswersWithTheExpenseItsLocationAndETag() {
        ExpenseResponse created = ExpenseResponse.of(expense(1));
        when(expenses.create(any(), any(), eq("key-1"))).thenReturn(new ExpenseService.Created(created, true));

        MvcTestResult result = mvc.post()
                .uri("/expenses")
                .header("Authorization", "Bearer " + TOKEN)
                .header("Idempotency-Key", "key-1")
                .contentType("application/json")
                .content("{\"amount\":\"12.5\",\"category\":\"Food\",\"date\":\"2026-11-20\"}")
                .exchange();

        assertThat(result).hasStatus(HttpStatus.CREATED);
        assertThat(result).hasHeader("Location", "/expenses/" + created.id());
        assertThat(result).hasHeader("ETag", "\"1\"");
        assertThat(result).hasHeader("Idempotent-Replayed", "true");
        ArgumentCaptor<ExpenseRequest> request = ArgumentCaptor.forClass(ExpenseRequest.class);
        verify(expenses).create(any(), request.capture(), eq("key-1"));
        assertThat(request.getValue())
                .isEqualTo(new ExpenseRequest(
                        new BigDecimal("12.5"), null, "Food", null, LocalDate.of(2026, 11, 20), null));
    }

    @ParameterizedTest
    @CsvSource({"has spaces", "'   '", "tab\tinside", "ünïcode"})
    void refusesAnIdempotencyKeyThatIsNotPrintableAscii(String key) {
        MvcTestResult result = create("{}", "Idempotency-Key", key);

        assertInvalidField(result, "Idempotency-Key", "must be printable ASCII without spaces");
        verifyNoInteractions(expenses);
    }

    @Test
    void refusesAnIdempotencyKeyLongerThanTwoHundredCharacters() {
        assertInvalidField(
                create("{}", "Idempotency-Key", "k".repeat(201)), "Idempotency-Key", "size must be between 1 and 200");
    }

    @Test
    void refusesUnknownFieldsAndValuesOfTheWrongType() {
        assertInvalidField(create("{\"amount\":\"1\",\"userId\":\"x\"}"), "userId", "is not a known field");
        assertInvalidField(create("{\"amount\":\"abc\"}"), "amount", "must be a number");
        assertInvalidField(create("{\"date\":\"2026-02-30\"}"), "date", "must be a date (YYYY-MM-DD)");
        assertInvalidField(create("{\"tags\":\"work\"}"), "tags", "must be an array");
        verifyNoInteractions(expenses);
    }

    @Test
    void malformedJsonAndOtherContentTypesAreProblems() {
        assertProblem(create("{\"amount\":"), 400, "malformed-request");
        assertProblem(
                mvc.post()
                        .uri("/expenses")
                        .header("Authorization", "Bearer " + TOKEN)
                        .contentType("text/plain")
                        .content("{}")
                        .exchange(),
                415,
                "unsupported-media-type");
        verifyNoInteractions(expenses);
    }

    @Test
    void anExpenseIsReadWithItsETagAndNotSentAgainWhileUnchanged() {
        Expense expense = expense(2);
        when(expenses.get(USER, expense.id())).thenReturn(expense);

        MvcTestResult read = get("/expenses/" + expense.id());
        MvcTestResult unchanged = mvc.get()
                .uri("/expenses/" + expense.id())
                .header("Authorization", "Bearer " + TOKEN)
                .header("If-None-Match", "\"2\"")
                .exchange();

        assertThat(read).hasStatusOk().hasHeader("ETag", "\"2\"");
        assertThat(read)
                .bodyJson()
                .extractingPath("$.id")
                .isEqualTo(expense.id().toString());
        assertThat(unchanged).hasStatus(HttpStatus.NOT_MODIFIED).hasHeader("ETag", "\"2\"");
    }

    @Test
    void problemsOfTheServiceBecomeTheirStatus() {
        UUID missing = UUID.randomUUID();
        UUID stale = UUID.randomUUID();
        when(expenses.get(USER, missing)).thenThrow(ExpenseNotFoundException.forId(missing));
        when(expenses.replace(any(), eq(stale), any(), any())).thenThrow(new StaleVersionException("\"4\""));

        MvcTestResult notFound = get("/expenses/" + missing);
        MvcTestResult preconditionFailed = mvc.put()
                .uri("/expenses/" + stale)
                .header("Authorization", "Bearer " + TOKEN)
                .header("If-Match", "\"3\"")
                .contentType("application/json")
                .content("{}")
                .exchange();

        assertProblem(notFound, 404, "not-found");
        assertThat(notFound).bodyJson().extractingPath("$.detail").isEqualTo("No expense with id " + missing);
        assertProblem(preconditionFailed, 412, "precondition-failed");
        assertThat(preconditionFailed).hasHeader("ETag", "\"4\"");
    }

    @Test
    void anIdThatIsNotAUuidIsABadRequest() {
        assertInvalidField(get("/expenses/not-a-uuid"), "id", "must be a UUID");
    }

    @Test
    void everyEndpointNeedsAUserToken() {
        assertProblem(mvc.get().uri("/expenses").exchange(), 401, "unauthorized");
        assertProblem(
                mvc.get()
                        .uri("/expenses")
                        .header("Authorization", "Bearer " + TestTokens.service("analytics-service"))
                        .exchange(),
                403,
                "forbidden");
        verifyNoInteractions(expenses);
    }

    private MvcTestResult get(String uri) {
        // a URI as sent: the test's percent-encoding is the request's, not encoded once more
        return mvc.get()
                .uri(URI.create(uri))
                .header("Authorization", "Bearer " + TOKEN)
                .exchange();
    }

    private MvcTestResult create(String body, String... headers) {
        var request = mvc.post()
                .uri("/expenses")
                .header("Authorization", "Bearer " + TOKEN)
                .contentType("application/json")
                .content(body);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request.exchange();
    }

    private static Expense expense(int version) {
        return new Expense(
                UUID.randomUUID(),
                USER,
                new BigDecimal("12.5000"),
                "EUR",
                "Food",
                null,
                LocalDate.of(2026, 11, 20),
                List.of("work"),
                NOW,
                NOW,
                version);
    }
}
