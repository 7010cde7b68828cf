package com.financetracker.expenses.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.expenses.ExpenseServiceTest;
import com.financetracker.platform.jdbc.AdvisoryLock;
import com.financetracker.platform.test.ApiResponse;
import com.financetracker.platform.test.TestTokens;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CsvImportTest extends ExpenseServiceTest {

    private static final String HEADER = "date,amount,currency,category,description,tags\n";

    @Test
    void importsValidRows() {
        ApiResponse response = importCsv(HEADER
                + "2026-01-05,12.50,EUR,Food,Lunch,work\n"
                + "2026-01-06,3,usd,transport,Bus,\n"
                + "2026-01-07,1000,JPY,Gardening,,\n");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json().path("imported").asInt()).isEqualTo(3);
        assertThat(response.json().path("duplicates").asInt()).isZero();
        assertThat(response.json().path("errors").size()).isZero();
        assertThat(response.json().path("dryRun").asBoolean()).isFalse();
        List<JsonNode> expenses = listed();
        assertThat(expenses)
                .extracting(e -> e.path("date").asString()
                        + " " + e.path("amount").asString()
                        + " " + e.path("currency").asString()
                        + " " + e.path("category").asString()
                        + " "
                        + (e.path("description").isNull()
                                ? "-"
                                : e.path("description").asString())
                        + " " + e.path("tags"))
                .containsExactly(
                        "2026-01-07 1000 JPY Gardening - []",
                        "2026-01-06 3.00 USD Transport Bus []",
                        "2026-01-05 12.50 EUR Food Lunch [\"work\"]");
    }

    @Test
    void onlyDateAmountAndCategoryAreRequiredColumnsInAnyOrder() {
        ApiResponse response = importCsv("Category,DATE,amount\nFood,2026-01-05,7\n");

        assertThat(response.json().path("imported").asInt()).as(response.body()).isEqualTo(1);
        JsonNode expense = listed().getFirst();
        assertThat(expense.path("currency").asString()).isEqualTo("USD");
        assertThat(expense.path("amount").asString()).isEqualTo("7.00");
        assertThat(expense.path("category").asString()).isEqualTo("Food");
    }

    @Test
    void reportsEachBadRowByItsLineAndImportsTheOthers() {
        ApiResponse response = importCsv(HEADER
                + "2026-01-05,12.50,EUR,Food,ok,\n"
                + "2026-13-45,1,EUR,Food,bad date,\n"
                + "2026-01-06,twelve,EUR,Food,bad amount,\n"
                + "2026-01-07,1,XYZ,Food,unknown currency,\n"
                + "2026-01-08,1,EUR,,missing category,\n"
                + "2026-01-09,0,EUR,Food,zero,\n"
                + "2026-01-10,1.234,EUR,Food,three decimals,\n"
                + ",,,,,\n"
                + "2026-01-11,4,EUR,Food,ok too,\n");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("imported").asInt()).isEqualTo(2);
        assertThat(errorLines(response)).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(errorMessage(response, 3)).contains("date");
        assertThat(errorMessage(response, 4)).contains("amount");
        assertThat(errorMessage(response, 5)).contains("currency");
        assertThat(errorMessage(response, 6)).contains("category");
        assertThat(errorMessage(response, 7)).contains("amount");
        assertThat(errorMessage(response, 8)).contains("amount");
        assertThat(errorMessage(response, 9))
                .contains("date")
                .contains("amount")
                .contains("category");
        assertThat(listed()).extracting(e -> e.path("description").asString()).containsExactly("ok too", "ok");
    }

    @Test
    void aRowWithMoreFieldsThanTheHeaderIsAnError() {
        ApiResponse response = importCsv(HEADER + "2026-01-05,1,EUR,Food,x,,surplus\n2026-01-05,2,EUR,Food,y,\n");

        assertThat(response.json().path("imported").asInt()).isEqualTo(1);
        assertThat(errorLines(response)).containsExactly(2L);
    }

    @Test
    void quotedCellsMayHoldCommasQuotesAndLineBreaks() {
        ApiResponse response = importCsv(HEADER
                + "2026-01-05,1,EUR,Food,\"Lunch, with \"\"Bob\"\"\",\n"
                + "2026-01-06,2,EUR,Food,\"two\nlines\",\n"
                + "2026-01-07,x,EUR,Food,after the multi-line row,\n");

        assertThat(response.json().path("imported").asInt()).as(response.body()).isEqualTo(2);
        assertThat(errorLines(response))
                .as("a quoted line break does not shift the line numbers")
                .containsExactly(5L);
        assertThat(listed())
                .extracting(e -> e.path("description").asString())
                .containsExactly("two\nlines", "Lunch, with \"Bob\"");
    }

    @Test
    void readsAFileWithAByteOrderMarkAndCrlfLineEnds() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String csv = "date,amount,currency,category,description,tags\r\n"
                + "2026-01-05,1,EUR,Café,crème brûlée,\r\n"
                + "2026-01-06,bad,EUR,Food,,\r\n";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(bom);
        body.writeBytes(csv.getBytes(StandardCharsets.UTF_8));

        ApiResponse response = api.post("/expenses/import")
                .bearer(token)
                .body("text/csv", body.toByteArray())
                .send();

        assertThat(response.json().path("imported").asInt()).as(response.body()).isEqualTo(1);
        assertThat(errorLines(response)).containsExactly(3L);
        JsonNode expense = listed().getFirst();
        assertThat(expense.path("category").asString()).isEqualTo("Café");
        assertThat(expense.path("description").asString()).isEqualTo("crème brûlée");
    }

    @Test
    void skipsBlankLinesButCountsThemInLineNumbers() {
        ApiResponse response = importCsv(HEADER + "\n2026-01-05,1,EUR,Food,,\n\n\n2026-01-06,bad,EUR,Food,,\n\n");

        assertThat(response.json().path("imported").asInt()).as(response.body()).isEqualTo(1);
        assertThat(errorLines(response)).containsExactly(6L);
    }

    @Test
    void splitsTheTagsColumnOnSemicolons() {
        importCsv(HEADER + "2026-01-05,1,EUR,Food,,a;b\n2026-01-06,1,EUR,Food,,\" c ; d;c \"\n");

        assertThat(listed())
                .extracting(e -> e.path("tags").toString())
                .containsExactly("[\"c\",\"d\"]", "[\"a\",\"b\"]");
    }

    @Test
    void takesOffTheApostropheThatGuardsAFormula() {
        importCsv(HEADER
                + "2026-01-05,1,EUR,'=Sum,'=SUM(A1),'@home;x\n"
                + "2026-01-04,1,EUR,Food,'plain,\n"
                + "2026-01-03,1,EUR,Food,''=twice,\n");

        assertThat(listed())
                .extracting(e -> e.path("category").asString() + " "
                        + e.path("description").asString() + " " + e.path("tags"))
                .containsExactly("=Sum =SUM(A1) [\"@home\",\"x\"]", "Food 'plain []", "Food '=twice []");
    }

    @Test
    void reimportingTheSameFileImportsNothingNew() {
        String csv = HEADER + "2026-01-05,12.50,EUR,Food,Lunch,work;team\n2026-01-06,3,USD,Transport,Bus,\n";
        importCsv(csv);

        ApiResponse again = importCsv(csv);

        assertThat(again.json().path("imported").asInt()).isZero();
        assertThat(again.json().path("duplicates").asInt()).isEqualTo(2);
        assertThat(expenseCount()).isEqualTo(2);
    }

    @Test
    void aRowEqualToAnExpenseEnteredByHandIsADuplicate() {
        created(
                token,
                "{\"amount\":\"12.5\",\"currency\":\"EUR\",\"category\":\"food\",\"description\":\"Lunch\","
                        + "\"date\":\"2026-01-05\",\"tags\":[\"team\",\"work\"]}");

        ApiResponse response = importCsv(HEADER + "2026-01-05,12.50,eur,FOOD, Lunch ,work;team\n");

        assertThat(response.json().path("imported").asInt()).isZero();
        assertThat(response.json().path("duplicates").asInt()).isEqualTo(1);
        assertThat(expenseCount()).isEqualTo(1);
    }

    @Test
    void aFileHoldingTheSameRowTwiceImportsBothTheFirstTime() {
        String csv = HEADER + "2026-01-05,4,EUR,Food,Coffee,\n2026-01-05,4,EUR,Food,Coffee,\n";

        ApiResponse first = importCsv(csv);
        ApiResponse second = importCsv(csv);
        ApiResponse thrice = importCsv(csv + "2026-01-05,4,EUR,Food,Coffee,\n");

        assertThat(first.json().path("imported").asInt()).isEqualTo(2);
        assertThat(first.json().path("duplicates").asInt()).isZero();
        assertThat(second.json().path("imported").asInt()).isZero();
        assertThat(second.json().path("duplicates").asInt()).isEqualTo(2);
        assertThat(thrice.json().path("imported").asInt()).isEqualTo(1);
        assertThat(thrice.json().path("duplicates").asInt()).isEqualTo(2);
        assertThat(expenseCount()).isEqualTo(3);
    }

    @Test
    void aDryRunStoresNothingButReportsWhatWouldHappen() {
        importCsv(HEADER + "2026-01-05,1,EUR,Food,already there,\n");

        ApiResponse response = api.post("/expenses/import?dryRun=true")
                .bearer(token)
                .body(
                        "text/csv",
                        HEADER
                                + "2026-01-05,1,EUR,Food,already there,\n"
                                + "2026-01-06,2,EUR,Brand new category,,\n"
                                + "2026-01-07,3,EUR,Food,,\n"
                                + "bad,3,EUR,Food,,\n")
                .send();

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("dryRun").asBoolean()).isTrue();
        assertThat(response.json().path("imported").asInt()).isEqualTo(2);
        assertThat(response.json().path("duplicates").asInt()).isEqualTo(1);
        assertThat(errorLines(response)).containsExactly(5L);
        assertThat(expenseCount()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from categories where user_id = :user and name = 'Brand new category'")
                        .param("user", userId)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void anAtomicImportWithABadRowImportsNothing() {
        ApiResponse response = api.post("/expenses/import?atomic=true")
                .bearer(token)
                .body(
                        "text/csv",
                        HEADER + "2026-01-05,1,EUR,Food,,\n2026-01-06,oops,EUR,Food,,\n2026-01-07,3,EUR,Food,,\n")
                .send();

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("imported").asInt()).isZero();
        assertThat(errorLines(response)).containsExactly(3L);
        assertThat(expenseCount()).isZero();
    }

    @Test
    void anAtomicImportWithoutErrorsImportsEverything() {
        ApiResponse response = api.post("/expenses/import?atomic=true")
                .bearer(token)
                .body("text/csv", HEADER + "2026-01-05,1,EUR,Food,,\n2026-01-07,3,EUR,Food,,\n")
                .send();

        assertThat(response.json().path("imported").asInt()).isEqualTo(2);
        assertThat(expenseCount()).isEqualTo(2);
    }

    @Test
    void aHeaderWithoutTheRequiredColumnsIsABadRequest() {
        ApiResponse noAmount = importCsv("date,currency,category\n2026-01-05,EUR,Food\n");
        ApiResponse noHeader = importCsv("2026-01-05,1,EUR,Food,,\n");
        ApiResponse empty = importCsv("");

        assertProblem(noAmount, 400, "validation");
        assertThat(noAmount.json().path("detail").asString()).contains("amount");
        assertProblem(noHeader, 400, "validation");
        assertProblem(empty, 400, "validation");
        assertThat(expenseCount()).isZero();
    }

    @Test
    void aHeaderNamingAColumnTwiceIsABadRequest() {
        ApiResponse response = importCsv("date,amount,category,Amount\n2026-01-05,1,Food,2\n");

        assertProblem(response, 400, "validation");
        assertThat(response.json().path("detail").asString()).contains("'amount' twice");
        assertThat(expenseCount()).isZero();
    }

    @Test
    void aHeaderAloneImportsNothing() {
        ApiResponse response = importCsv(HEADER);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("imported").asInt()).isZero();
        assertThat(response.json().path("errors").size()).isZero();
    }

    @Test
    void onlyCsvIsAccepted() {
        for (String type : List.of("application/json", "text/plain", "application/octet-stream")) {
            ApiResponse response = api.post("/expenses/import")
                    .bearer(token)
                    .body(type, HEADER + "2026-01-05,1,EUR,Food,,\n")
                    .send();

            assertProblem(response, 415, "unsupported-media-type");
        }
        ApiResponse withCharset = api.post("/expenses/import")
                .bearer(token)
                .body("text/csv; charset=utf-8", HEADER + "2026-01-05,1,EUR,Food,,\n")
                .send();
        assertThat(withCharset.status()).isEqualTo(200);
        assertThat(expenseCount()).isEqualTo(1);
    }

    @Test
    void aFileOverTenMegabytesIsRefused() {
        String row = "2026-01-05,1.00,EUR,Food," + "x".repeat(60) + ",\n";
        StringBuilder csv = new StringBuilder(HEADER);
        while (csv.length() < 10_500_000) {
            csv.append(row);
        }

        ApiResponse response = importCsv(csv.toString());

        assertProblem(response, 413, "payload-too-large");
        assertThat(expenseCount()).isZero();
    }

    @Test
    void aFileOverTenMegabytesSentWithoutALengthIsRefusedToo() throws Exception {
        String row = "2026-01-05,1.00,EUR,Food," + "x".repeat(60) + ",\n";
        StringBuilder csv = new StringBuilder(HEADER);
        while (csv.length() < 10_500_000) {
            csv.append(row);
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/expenses/import"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv")
                // an input stream has no known length, so the body goes chunked
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build();

        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newHttpClient()) {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        }

        assertProblem(
                new ApiResponse(response.statusCode(), response.headers(), response.body()), 413, "payload-too-large");
        assertThat(expenseCount()).isZero();
    }

    @Test
    void aFileLargerThanABatchKeepsItsOrderAndCountsDuplicatesAcrossBatches() {
        created(token, "{\"amount\":\"7\",\"currency\":\"EUR\",\"category\":\"Food\",\"date\":\"2026-02-01\"}");
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 2_500; i++) {
            // row 1 700 repeats row 200 (two batches apart), row 2 400 is the expense entered by hand
            int n = i == 1_700 ? 200 : i;
            csv.append(
                    i == 2_400 ? "2026-02-01,7,EUR,Food,,\n" : "2026-01-05,%d,EUR,Food,row %d,\n".formatted(n + 1, n));
        }

        ApiResponse first = importCsv(csv.toString());
        ApiResponse again = importCsv(csv.toString());

        assertThat(first.json().path("imported").asInt()).as(first.body()).isEqualTo(2_499);
        assertThat(first.json().path("duplicates").asInt()).isEqualTo(1);
        assertThat(again.json().path("imported").asInt()).as(again.body()).isZero();
        assertThat(again.json().path("duplicates").asInt()).isEqualTo(2_500);
        assertThat(expenseCount()).isEqualTo(2_500);
        assertThat(jdbc.sql("""
                        select payload ->> 'description' from platform.outbox
                         where event_type = 'expense.created' and payload ->> 'userId' = :user
                           and payload ->> 'description' like 'row %'
                         order by id
                        """)
                        .param("user", userId.toString())
                        .query(String.class)
                        .list())
                .as("one event per imported row, in the order of the file")
                .hasSize(2_499)
                .startsWith("row 0", "row 1")
                .endsWith("row 2498", "row 2499")
                .containsSubsequence("row 1699", "row 200", "row 1701");
    }

    @Test
    void aFileOfAMillionBadLinesListsTheFirstHundredAndCountsThemAll() {
        // each line is an error; listing them all once took more memory than the service has
        String csv = HEADER + ",\n".repeat(1_000_000);

        ApiResponse response = importCsv(csv);

        assertThat(errorLines(response)).hasSize(100).startsWith(2L, 3L).endsWith(101L);
        assertThat(response.json().path("errorCount").asInt()).isEqualTo(1_000_000);
        assertThat(response.json().path("imported").asInt()).isZero();
    }

    @Test
    void importsBeyondTheLimitRunningAtOnceAreRefusedUntilOneEnds() throws Exception {
        try (SlowUpload first = new SlowUpload(TestTokens.user(UUID.randomUUID()));
                SlowUpload second = new SlowUpload(TestTokens.user(UUID.randomUUID()))) {
            awaitImportsInTheDatabase(2);

            ApiResponse refused = importCsv(HEADER + "2026-01-05,1,EUR,Food,,\n");

            assertProblem(refused, 429, "too-many-requests");
            assertThat(refused.header("Retry-After")).isEqualTo("5");
            assertThat(first.finish()).isEqualTo(200);
            assertThat(second.finish()).isEqualTo(200);
        }
        assertThat(expenseCount()).isZero();
        assertThat(importCsv(HEADER + "2026-01-05,1,EUR,Food,,\n")
                        .json()
                        .path("imported")
                        .asInt())
                .isEqualTo(1);
    }

    /** An import whose file arrives up to its first row and then waits until {@link #finish}. */
    private final class SlowUpload implements AutoCloseable {

        private final Socket socket = new Socket();

        SlowUpload(String userToken) throws IOException {
            socket.connect(new InetSocketAddress("localhost", port));
            socket.setSoTimeout(60_000);
            String start = HEADER + "2026-01-05,1,EUR,Food,,\n";
            send("POST /expenses/import HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + userToken
                    + "\r\nContent-Type: text/csv\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                    + Integer.toHexString(start.length()) + "\r\n" + start + "\r\n");
        }

        /** Ends the file; the answer's status. */
        int finish() throws IOException {
            send("0\r\n\r\n");
            String statusLine = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }

        private void send(String text) throws IOException {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** Waits until the database shows this many imports holding their user's import lock. */
    private void awaitImportsInTheDatabase(int imports) throws InterruptedException {
        for (int attempt = 0; attempt < 600; attempt++) {
            int held = jdbc.sql("""
                            select count(*) from pg_locks
                             where locktype = 'advisory' and classid = :lock and objsubid = 2 and granted
                            """)
                    .param("lock", AdvisoryLock.EXPENSE_IMPORT.number())
                    .query(Integer.class)
                    .single();
            if (held >= imports) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the imports never started");
    }

    private ApiResponse importCsv(String csv) {
        return api.post("/expenses/import").bearer(token).body("text/csv", csv).send();
    }

    private List<JsonNode> listed() {
        ApiResponse response = api.get("/expenses?limit=1000").bearer(token).send();
        assertThat(response.status()).isEqualTo(200);
        return StreamSupport.stream(response.json().spliterator(), false).toList();
    }

    private int expenseCount() {
        return jdbc.sql("select count(*) from expenses where user_id = :user")
                .param("user", userId)
                .query(Integer.class)
                .single();
    }

    private static List<Long> errorLines(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(response.json().path("errors").spliterator(), false)
                .map(error -> error.path("line").asLong())
                .toList();
    }

    private static String errorMessage(ApiResponse response, long line) {
        return StreamSupport.stream(response.json().path("errors").spliterator(), false)
                .filter(error -> error.path("line").asLong() == line)
                .map(error -> error.path("message").asString())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no error on line " + line + ": " + response.body()));
    }
}
