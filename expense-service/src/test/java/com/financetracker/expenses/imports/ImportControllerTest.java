package com.financetracker.expenses.imports;

import static com.financetracker.expenses.config.ProblemAssertions.assertInvalidField;
import static com.financetracker.expenses.config.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.financetracker.expenses.config.ExpenseWebMvcTest;
import com.financetracker.platform.test.TestTokens;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** How POST /expenses/import reads its request and writes its result; the import itself is mocked. */
@ExpenseWebMvcTest(ImportController.class)
class ImportControllerTest {

    private static final UUID USER = UUID.randomUUID();
    private static final String CSV = "date,amount,category\n2026-01-05,1,Food\n";

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private ExpenseImporter importer;

    @Test
    void importsTheFileWithTheUsersDefaultCurrencyAndWritesTheResult() throws Exception {
        String token = TestTokens.forSubject(USER.toString())
                .roles("USER")
                .claim("currency", "CHF")
                .sign();
        when(importer.importCsv(eq(USER), eq("CHF"), any(), eq(false), eq(false)))
                .thenReturn(
                        new ImportResult(2, 1, List.of(new ImportResult.LineError(4, "amount is required")), 1, false));

        MvcTestResult result = post("/expenses/import", token, "text/csv; charset=utf-8", CSV);

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().isStrictlyEqualTo("""
                        {"imported":2,"duplicates":1,"errors":[{"line":4,"message":"amount is required"}],"errorCount":1,"dryRun":false}
                        """);
    }

    @Test
    void passesDryRunAndAtomic() throws Exception {
        when(importer.importCsv(any(), any(), any(), anyBoolean(), anyBoolean()))
                .thenReturn(new ImportResult(0, 0, List.of(), 0, true));

        assertThat(post("/expenses/import?dryRun=true&atomic=true", TestTokens.user(USER), "text/csv", CSV))
                .hasStatusOk();

        verify(importer).importCsv(eq(USER), eq(null), any(), eq(true), eq(true));
    }

    @Test
    void aFlagThatIsNotABooleanIsABadRequest() {
        MvcTestResult result = post("/expenses/import?dryRun=maybe", TestTokens.user(USER), "text/csv", CSV);

        assertInvalidField(result, "dryRun", "must be true or false");
        verifyNoInteractions(importer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/plain", "application/octet-stream"})
    void onlyCsvIsAccepted(String type) {
        MvcTestResult result = post("/expenses/import", TestTokens.user(USER), type, CSV);

        assertProblem(result, 415, "unsupported-media-type");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("Content type " + type + " is not supported; use text/csv");
        verifyNoInteractions(importer);
    }

    @Test
    void needsAUserToken() {
        assertProblem(
                post("/expenses/import", TestTokens.service("analytics-service"), "text/csv", CSV), 403, "forbidden");
        verifyNoInteractions(importer);
    }

    private MvcTestResult post(String uri, String token, String type, String body) {
        return mvc.post()
                .uri(uri)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", type)
                .content(body)
                .exchange();
    }
}
