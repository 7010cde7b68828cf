package com.financetracker.expenses.expense;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.expenses.ExpenseServiceTest;
import com.financetracker.platform.test.ApiResponse;
import com.financetracker.platform.test.TestTokens;
import com.zaxxer.hikari.HikariDataSource;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CsvExportTest extends ExpenseServiceTest {

    @Autowired
    private HikariDataSource dataSource;

    private static final String HEADER = "date,amount,currency,category,description,tags";

    @Test
    void exportsEveryExpenseAsCsvWithAHeaderRowAndCrlfLineEnds() {
        created(
                token,
                "{\"amount\":\"12.5\",\"currency\":\"EUR\",\"category\":\"food\",\"description\":\"Lunch\","
                        + "\"date\":\"2026-11-20\",\"tags\":[\"work\",\"team\"]}");
        created(token, "{\"amount\":\"300\",\"currency\":\"JPY\",\"category\":\"Travel\",\"date\":\"2026-11-21\"}");

        ApiResponse response = export("");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/csv");
        assertThat(response.header("Content-Disposition"))
                .contains("attachment")
                .contains("expenses.csv");
        assertThat(response.body())
                .isEqualTo(HEADER + "\r\n"
                        + "2026-11-21,300,JPY,Travel,,\r\n"
                        + "2026-11-20,12.50,EUR,Food,Lunch,work;team\r\n");
    }

    @Test
    void aUserWithoutExpensesGetsTheHeaderRowOnly() {
        ApiResponse response = export("");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(HEADER + "\r\n");
    }

    @Test
    void exportsAllMatchingExpensesAcrossPagesIgnoringTheLimit() {
        StringBuilder csv = new StringBuilder(HEADER + "\n");
        for (int i = 0; i < 130; i++) {
            csv.append("2026-0%d-%02d,%d.25,EUR,Food,row %d,\n".formatted(1 + i % 9, 1 + i % 28, i, i));
        }
        importCsv(csv.toString());

        List<CsvRecord> rows = rows(export("?limit=10"));

        assertThat(rows).hasSize(131);
        assertThat(rows.stream().skip(1).map(row -> row.getField(4)).distinct()).hasSize(130);
        assertThat(rows.stream().skip(1).map(row -> row.getField(0)).toList())
                .isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void filtersAndSortApply() {
        created(token, expense("5", "Food", "2026-01-01"));
        created(token, expense("1", "food", "2026-01-02"));
        created(token, expense("3", "Food", "2026-01-03"));
        created(token, expense("100", "Travel", "2026-01-04"));
        created(token, expense("2", "Food", "2025-12-31"));

        List<CsvRecord> rows = rows(export("?category=FOOD&sort=amount&from=2026-01-01&minAmount=1.5"));

        assertThat(rows.stream().skip(1).map(row -> row.getField(1)).toList()).containsExactly("3.00", "5.00");
    }

    @Test
    void anotherUsersExpensesAreNotExported() {
        created(TestTokens.user(UUID.randomUUID()), expense("99", "Food", "2026-01-01"));
        created(token, expense("1", "Food", "2026-01-01"));

        List<CsvRecord> rows = rows(export(""));

        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).getField(1)).isEqualTo("1.00");
    }

    @Test
    void quotesCommasAndLineBreaksInDescriptionsSurvive() {
        List<String> descriptions = List.of("Lunch, with \"Bob\"", "two\nlines", "windows\r\nline", "semi;colon");
        for (String description : descriptions) {
            created(token, withDescription(description));
        }

        List<CsvRecord> rows = rows(export("?sort=-createdAt"));

        assertThat(rows.stream().skip(1).map(row -> row.getField(4)).toList())
                .containsExactlyElementsOf(descriptions.reversed());
        assertThat(rows.stream().skip(1).map(CsvRecord::getFieldCount)).containsOnly(6);
    }

    @Test
    void cellsASpreadsheetWouldRunAsFormulasGetALeadingApostrophe() {
        created(token, withDescription("=HYPERLINK(\"http://evil\")"));
        created(
                token,
                "{\"amount\":\"1\",\"category\":\"+Plus\",\"date\":\"2026-01-02\",\"description\":\"-5 off\","
                        + "\"tags\":[\"@home\",\"x\"]}");

        created(token, "{\"amount\":\"1\",\"category\":\"Food\",\"date\":\"2025-01-01\",\"description\":\"'=x\"}");

        List<CsvRecord> rows = rows(export(""));

        assertThat(rows.get(3).getField(4))
                .as("already guarded text keeps its apostrophe")
                .isEqualTo("''=x");
        assertThat(rows.get(1).getField(3)).isEqualTo("'+Plus");
        assertThat(rows.get(1).getField(4)).isEqualTo("'-5 off");
        assertThat(rows.get(1).getField(5)).isEqualTo("'@home;x");
        assertThat(rows.get(2).getField(4)).isEqualTo("'=HYPERLINK(\"http://evil\")");
    }

    @Test
    void importingAnExportAddsNothing() {
        created(
                token,
                "{\"amount\":\"12.5\",\"currency\":\"EUR\",\"category\":\"Food\",\"description\":\"Lunch, with \\\"Bob\\\"\","
                        + "\"date\":\"2026-11-20\",\"tags\":[\"work\",\"team\"]}");
        created(token, "{\"amount\":\"300\",\"currency\":\"JPY\",\"category\":\"=Sum\",\"date\":\"2026-11-21\"}");
        created(token, "{\"amount\":\"1.125\",\"currency\":\"KWD\",\"category\":\"Travel\",\"date\":\"2026-11-22\"}");
        created(token, withDescription("two\nlines"));
        created(token, withDescription("=1+2"));
        created(token, withDescription("'=already quoted"));
        created(token, withDescription("'plain apostrophe"));
        created(token, withDescription("@mention"));
        created(token, expense("7", "Food", "2026-01-01"));
        created(token, expense("7", "Food", "2026-01-01"));
        StringBuilder many = new StringBuilder(HEADER + "\n");
        for (int i = 0; i < 60; i++) {
            many.append("2026-02-%02d,%d,USD,Shopping,item %d,a;b\n".formatted(1 + i % 28, 1 + i, i));
        }
        importCsv(many.toString());
        String exported = export("").body();

        ApiResponse reimport = api.post("/expenses/import")
                .bearer(token)
                .body("text/csv", exported)
                .send();

        assertThat(reimport.status()).as(reimport.body()).isEqualTo(200);
        assertThat(reimport.json().path("errors").size()).as(reimport.body()).isZero();
        assertThat(reimport.json().path("imported").asInt()).as(reimport.body()).isZero();
        assertThat(reimport.json().path("duplicates").asInt()).isEqualTo(70);
        assertThat(jdbc.sql("select count(*) from expenses where user_id = :user")
                        .param("user", userId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(70);
        assertThat(export("").body()).isEqualTo(exported);
    }

    @Test
    void slowDownloadsOfALongHistoryHoldNoDatabaseConnection() throws Exception {
        created(token, expense("1", "Food", "2020-01-01"));
        // more than the kernel buffers of a connection hold (4 MB), so a reader that stops reading stops the writer
        int history = 250_000;
        jdbc.sql("""
                        insert into expenses (user_id, amount, currency, category_id, expense_date, fingerprint)
                        select :user, g, 'EUR', (select category_id from expenses where user_id = :user),
                               date '2020-01-01' + g % 700, sha256(g::text::bytea)
                          from generate_series(1, :history) g
                        """).param("user", userId).param("history", history).update();
        List<Socket> readers = new ArrayList<>();
        try {
            // as many readers as the service has connections, each taking in the first bytes and then nothing
            for (int i = 0; i < dataSource.getMaximumPoolSize(); i++) {
                readers.add(stalledExport());
            }

            ApiResponse meanwhile = api.get("/expenses?limit=1").bearer(token).send();

            assertThat(meanwhile.status()).as(meanwhile.body()).isEqualTo(200);
        } finally {
            for (Socket reader : readers) {
                reader.close();
            }
        }
        List<CsvRecord> rows = rows(export(""));
        assertThat(rows).hasSize(history + 2);
        assertThat(rows.stream().skip(1).map(row -> row.getField(0)).toList())
                .isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(rows.stream().skip(1).map(row -> row.getField(1)).distinct()).hasSize(history);
    }

    /** An export whose reader has the answer's first bytes and reads no more, its receive buffer small. */
    private Socket stalledExport() throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("localhost", port));
        socket.getOutputStream()
                .write(("GET /expenses HTTP/1.1\r\nHost: localhost\r\nAccept: text/csv\r\nAuthorization: Bearer "
                                + token + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        byte[] start = new byte[12];
        socket.getInputStream().readNBytes(start, 0, start.length);
        assertThat(new String(start, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
        return socket;
    }

    @Test
    void jsonStaysTheDefault() {
        created(token, expense("1", "Food", "2026-01-01"));

        assertThat(api.get("/expenses").bearer(token).send().contentType()).startsWith("application/json");
        assertThat(api.get("/expenses")
                        .bearer(token)
                        .header("Accept", "*/*")
                        .send()
                        .contentType())
                .startsWith("application/json");
        assertThat(api.get("/expenses")
                        .bearer(token)
                        .header("Accept", "application/json;q=0.5, text/csv")
                        .send()
                        .contentType())
                .startsWith("text/csv");
    }

    @Test
    void badParametersAreAProblemEvenWhenCsvIsAsked() {
        assertProblem(export("?sort=nope"), 400, "validation");
        assertProblem(export("?from=2026-02-01&to=2026-01-01"), 400, "validation");
    }

    private ApiResponse export(String query) {
        return api.get("/expenses" + query)
                .bearer(token)
                .header("Accept", "text/csv")
                .send();
    }

    private void importCsv(String csv) {
        ApiResponse response =
                api.post("/expenses/import").bearer(token).body("text/csv", csv).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("errors").size()).as(response.body()).isZero();
    }

    private static String withDescription(String description) {
        return "{\"amount\":\"1\",\"category\":\"Food\",\"date\":\"2026-01-01\",\"description\":\"%s\"}"
                .formatted(description
                        .replace("\\", "\\\\")
                        .replace("\"", "\\\"")
                        .replace("\n", "\\n")
                        .replace("\r", "\\r"));
    }

    /** The export's records, header first; fails unless it is CSV with CRLF line ends. */
    private static List<CsvRecord> rows(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/csv");
        assertThat(response.body()).startsWith(HEADER + "\r\n").endsWith("\r\n");
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(response.body())) {
            return reader.stream().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
