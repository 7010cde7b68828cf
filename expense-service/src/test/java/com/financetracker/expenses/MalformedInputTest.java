package com.financetracker.expenses;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.platform.test.ApiClient;
import com.financetracker.platform.test.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Whatever a client sends, the service answers with a client error or a success, never a 500; and every client error
 * is a problem document that gives nothing of the implementation away.
 */
class MalformedInputTest extends ExpenseServiceTest {

    private static final List<String> CONTENT_TYPES =
            List.of("application/json", "application/merge-patch+json", "text/plain", "text/csv");

    /** Class names, stack frames and SQL errors: none belongs in an answer. */
    private static final Pattern LEAK = Pattern.compile(
            "(java|javax|jakarta|org\\.springframework|org\\.postgresql|tools\\.jackson|com\\.financetracker)\\.[a-z]"
                    + "|Exception|\\bat [a-z]+\\.|\\$\\$|SQLState|PSQL|syntax error at",
            Pattern.CASE_INSENSITIVE);

    private static final String SQL = "'; drop table expenses; --";
    private static final String HTML = "<script>alert(1)</script><img src=x onerror=alert(1)>";
    private static final String UNICODE = "😀 Ünïcødé العربية 中文 \\u202e\\ud83d\\ude00 e\\u0301";

    private static List<String> bodies() {
        String deepArray = "[".repeat(50_000) + "]".repeat(50_000);
        String deepObject = "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);
        return List.of(
                "",
                " ",
                "null",
                "[]",
                "[{}]",
                "{}",
                "\"just a string\"",
                "42",
                "true",
                "{",
                "{\"amount\":",
                "{\"amount\":\"1\",\"category\":\"Food\",\"date\":\"2026-01-01\"",
                "{\"amount\":\"1\",}",
                "{'amount':'1'}",
                "{\"amount\":\"1\"} trailing",
                "{\"amount\":\"1\"}{\"amount\":\"2\"}",
                "{\"amount\":true,\"currency\":1,\"category\":[],\"description\":{},\"date\":2026,\"tags\":\"x\"}",
                "{\"amount\":[1],\"category\":{\"name\":\"Food\"},\"date\":[2026,1,1],\"tags\":[1,{},null,[]]}",
                "{\"amount\":\"1\",\"category\":\"Food\",\"date\":\"2026-02-30\"}",
                "{\"amount\":\"1\",\"category\":\"Food\",\"date\":\"+999999999-01-01\"}",
                "{\"amount\":\"1\",\"category\":\"Food\",\"date\":\"0000-00-00\"}",
                "{\"amount\":1e999999999,\"category\":\"Food\",\"date\":\"2026-01-01\"}",
                "{\"amount\":\"1e999999999\",\"category\":\"Food\",\"date\":\"2026-01-01\"}",
                "{\"amount\":\"1e-999999999\",\"category\":\"Food\",\"date\":\"2026-01-01\"}",
                "{\"amount\":" + "9".repeat(5_000) + ",\"category\":\"Food\",\"date\":\"2026-01-01\"}",
                "{\"amount\":\"NaN\",\"category\":\"Food\",\"date\":\"2026-01-01\"}",
                "{\"amount\":NaN,\"category\":\"Food\",\"date\":\"2026-01-01\"}",
                "{\"amount\":\"-0\",\"category\":\"Food\",\"date\":\"2026-01-01\"}",
                "{\"amount\":\"1\",\"currency\":\"€\",\"category\":\"Food\",\"date\":\"2026-01-01\"}",
                "{\"amount\":\"1\",\"currency\":\"eu\\u0000\",\"category\":\"Food\",\"date\":\"2026-01-01\"}",
                "{\"amount\":\"1\",\"category\":\"Fo\\u0000od\",\"date\":\"2026-01-01\",\"description\":\"\\u0000\"}",
                "{\"amount\":\"1\",\"category\":\"Food\",\"date\":\"2026-01-01\",\"tags\":[\"\\u0000\"]}",
                "{\"name\":\"\\u0000\"}",
                "{\"name\":123}",
                "{\"name\":[\"a\"]}",
                "{\"name\":null}",
                "{\"name\":\"" + "n".repeat(100_000) + "\"}",
                "{\"amount\":\"1\",\"category\":\"" + "c".repeat(100_000)
                        + "\",\"date\":\"2026-01-01\",\"description\":\"" + "d".repeat(500_000) + "\",\"tags\":[\""
                        + "t".repeat(10_000) + "\"]}",
                "{\"amount\":\"1\",\"category\":\"Food\",\"date\":\"2026-01-01\",\"tags\":[" + "\"t\",".repeat(100_000)
                        + "\"t\"]}",
                "{\"amount\":\"1\",\"category\":\"Food\",\"date\":\"2026-01-01\",\"description\":\""
                        + "x".repeat(1_100_000) + "\"}",
                "{\"amount\":\"1\",\"category\":\"" + SQL + "\",\"date\":\"2026-01-01\",\"description\":\"" + SQL
                        + "\",\"tags\":[\"" + SQL + "\"]}",
                "{\"name\":\"" + SQL + "\"}",
                "{\"amount\":\"1\",\"category\":\"" + HTML.replace("\"", "\\\"") + "\",\"date\":\"2026-01-01\","
                        + "\"description\":\"" + HTML + "\"}",
                "{\"name\":\"" + HTML.substring(0, 25) + "\"}",
                "{\"amount\":\"1\",\"category\":\"" + UNICODE + "\",\"date\":\"2026-01-01\",\"description\":\""
                        + UNICODE + "\",\"tags\":[\"" + UNICODE + "\"]}",
                "{\"name\":\"" + UNICODE + "\"}",
                "{\"name\":\"\\ud800\"}",
                "{\"amount\":\"1\",\"category\":\"\\udfff\\ud800\",\"date\":\"2026-01-01\",\"description\":\"\\ud800\"}",
                "{\"amount\":\"1\",\"category\":\"Food\",\"date\":\"2026-01-01\",\"description\":\"\\u0007\\u001b[31m\"}",
                "{\"amount\":\"1\",\"category\":\"Food\",\"date\":\"2026-01-01\",\"userId\":\"x\",\"id\":\"y\"}",
                "{\"amount\":\"1\",\"amount\":\"2\",\"category\":\"Food\",\"date\":\"2026-01-01\"}",
                "{\"\":\"\"}",
                deepArray,
                "{\"amount\":" + deepArray + "}",
                "{\"name\":" + deepArray + "}",
                deepObject,
                "date,amount,category\n2026-01-01,1,Food\n",
                "date,amount,category\n\"unterminated,1,Food\n",
                "\u0000\u0001\u0002");
    }

    @Test
    void expenseWritesNeverFail() {
        String id =
                created(token, expense("1", "Food", "2026-01-01")).path("id").asString();

        SoftAssertions softly = new SoftAssertions();
        for (String body : bodies()) {
            for (String type : CONTENT_TYPES) {
                check(softly, "POST", "/expenses", type, body);
                check(softly, "PUT", "/expenses/" + id, type, body);
                check(softly, "PATCH", "/expenses/" + id, type, body);
                check(softly, "DELETE", "/expenses/" + UUID.randomUUID(), type, body);
            }
        }
        byte[] notUtf8 = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'};
        for (String type : CONTENT_TYPES) {
            checkBytes(softly, "POST", "/expenses", type, notUtf8);
            checkBytes(softly, "PATCH", "/expenses/" + id, type, notUtf8);
            checkBytes(softly, "POST", "/categories", type, notUtf8);
            checkBytes(softly, "POST", "/expenses/import", type, notUtf8);
        }
        checkBytes(softly, "POST", "/expenses/import", "text/csv", new byte[] {'d', 'a', 't', 'e', '\n', (byte) 0xFF});
        softly.assertAll();
        assertThat(jdbc.sql("select count(*) from expenses")
                        .query(Integer.class)
                        .single())
                .as("the expenses table survived")
                .isPositive();
    }

    @Test
    void categoryWritesNeverFail() {
        String id = api.post("/categories")
                .bearer(token)
                .json("{\"name\":\"Mine\"}")
                .send()
                .json()
                .path("id")
                .asString();

        SoftAssertions softly = new SoftAssertions();
        for (String body : bodies()) {
            for (String type : CONTENT_TYPES) {
                check(softly, "POST", "/categories", type, body);
                check(softly, "PATCH", "/categories/" + id, type, body);
                check(softly, "DELETE", "/categories/" + id + "?reassignTo=" + id, type, body);
            }
        }
        softly.assertAll();
    }

    @Test
    void importsNeverFail() {
        SoftAssertions softly = new SoftAssertions();
        for (String body : bodies()) {
            for (String type : CONTENT_TYPES) {
                check(softly, "POST", "/expenses/import", type, body);
                check(softly, "POST", "/expenses/import?dryRun=true&atomic=true", type, body);
            }
        }
        for (String csv : List.of(
                "date,amount,category\n" + "2026-01-01,1," + "c".repeat(100_000) + "\n",
                "date,amount,category,description\n2026-01-01,1,Food," + SQL + "\n",
                "date,amount,category,description\n2026-01-01,1,Food,\"" + HTML.replace("\"", "\"\"") + "\"\n",
                "date,amount,category,description\n2026-01-01,1,Fo\u0000od,\u0000\n",
                "date,amount,category,tags\n2026-01-01,1,Food," + "t;".repeat(5_000) + "\n",
                "date,amount,category\n+999999999-01-01,1e999999999,Food\n2026-01-01,1e-999999999,Food\n",
                "date,amount,category\n2026-01-01," + "9".repeat(100_000) + ",Food\n",
                "date,date,amount,amount,category\n2026-01-01,2026-01-02,1,2,Food\n",
                "date,amount,category\n" + "\"\"\"\n".repeat(1000),
                "date;amount;category\n2026-01-01;1;Food\n",
                "\ufeff\ufeffdate,amount,category\n2026-01-01,1,Food\n",
                "date,amount,category\r\r\r2026-01-01,1,Food\r",
                "date,amount,category\n" + "2026-01-01,1,Food,".repeat(10_000) + "\n",
                "date,amount,currency,category\n2026-01-01,1," + UNICODE + "," + UNICODE + "\n")) {
            check(softly, "POST", "/expenses/import", "text/csv", csv);
            check(softly, "POST", "/expenses/import", "text/csv; charset=ISO-8859-1", csv);
        }
        softly.assertAll();
    }

    @Test
    void oddPathsAndQueriesNeverFail() {
        List<String> gets = new ArrayList<>(List.of(
                "/expenses/not-a-uuid",
                "/expenses/00000000-0000-0000-0000-00000000000g",
                "/expenses/%00",
                "/expenses/%20",
                "/expenses/..%2F..%2Fetc%2Fpasswd",
                "/expenses/%2e%2e/categories",
                "/expenses;jsessionid=abc",
                "/expenses//",
                "/expenses?limit=abc",
                "/expenses?limit=",
                "/expenses?limit=1.5",
                "/expenses?limit=99999999999999999999",
                "/expenses?minAmount=NaN",
                "/expenses?minAmount=Infinity",
                "/expenses?maxAmount=1e999999999",
                "/expenses?maxAmount=" + "9".repeat(5_000),
                "/expenses?from=2026-13-01",
                "/expenses?from=%2B999999999-01-01",
                "/expenses?to=-999999999-01-01",
                "/expenses?from=2026-01-01T00:00:00Z",
                "/expenses?q=%00",
                "/expenses?category=%00",
                "/expenses?%00=1",
                "/expenses?q=%ff%fe",
                "/expenses?q=" + "q".repeat(101),
                "/expenses?q=%27%3B%20drop%20table%20expenses%3B--",
                "/expenses?category=" + "c".repeat(51),
                "/expenses?category=&category=",
                "/expenses?tag=" + "t".repeat(31),
                "/expenses?currency=EURO",
                "/expenses?currency=%E2%82%AC%E2%82%AC%E2%82%AC",
                "/expenses?sort=",
                "/expenses?sort=-date&sort=amount",
                "/expenses?sort=%3Cscript%3E",
                "/expenses?cursor=" + "c".repeat(501),
                "/expenses?cursor=%00",
                "/expenses?cursor=====",
                "/expenses?limit=1&limit=2",
                "/expenses/summary?groupBy=%00",
                "/expenses/summary?groupBy=" + "g".repeat(10_000),
                "/expenses/summary?from=2026-13-01",
                "/expenses/summary?to=%2B999999999-01-01",
                "/expenses/import",
                "/categories/not-a-uuid",
                "/categories?x=%00",
                "/expenses/summary/extra",
                "/expenses/" + "a".repeat(5_000)));
        SoftAssertions softly = new SoftAssertions();
        for (String path : gets) {
            check(softly, "GET", path, null, null);
            check(softly, "GET", path, null, null, "Accept", "text/csv");
        }
        for (String path :
                List.of("/expenses/not-a-uuid", "/categories/not-a-uuid", "/categories/%00", "/expenses/summary")) {
            check(softly, "PUT", path, "application/json", expense("1", "Food", "2026-01-01"));
            check(softly, "PATCH", path, "application/merge-patch+json", "{\"amount\":\"2\"}");
            check(softly, "DELETE", path, null, null);
        }
        check(softly, "DELETE", "/categories/" + UUID.randomUUID() + "?reassignTo=nope", null, null);
        check(softly, "POST", "/expenses/import?dryRun=maybe", "text/csv", "date,amount,category\n");
        check(softly, "PUT", "/expenses", "application/json", "{}");
        check(softly, "DELETE", "/expenses", null, null);
        check(softly, "POST", "/expenses/summary", "application/json", "{}");
        check(softly, "OPTIONS", "/expenses", null, null);
        check(softly, "HEAD", "/expenses", null, null);
        check(softly, "FOO", "/expenses", null, null);
        for (String accept : List.of("application/xml", "*/*;q=0", "text/html", "image/png, text/csv;q=0")) {
            check(softly, "GET", "/expenses", null, null, "Accept", accept);
            check(softly, "POST", "/expenses", "application/json", "{}", "Accept", accept);
        }
        softly.assertAll();

        assertProblem(api.get("/expenses/not-a-uuid").bearer(token).send(), 400, "validation");
        assertProblem(api.get("/expenses?limit=abc").bearer(token).send(), 400, "validation");
        assertProblem(api.get("/expenses?minAmount=NaN").bearer(token).send(), 400, "validation");
        assertProblem(api.get("/expenses?from=2026-13-01").bearer(token).send(), 400, "validation");
        assertProblem(api.get("/expenses?q=%00").bearer(token).send(), 400, "validation");
    }

    @Test
    void storesSqlHtmlAndUnicodeAsGiven() {
        String body = "{\"amount\":\"1\",\"category\":\"" + SQL + "\",\"date\":\"2026-01-01\",\"description\":\"" + HTML
                + "\",\"tags\":[\"😀\",\"e\\u0301\"]}";

        String id = created(token, body).path("id").asString();
        ApiResponse read = api.get("/expenses/" + id).bearer(token).send();

        assertThat(read.json().path("category").asString()).isEqualTo(SQL);
        assertThat(read.json().path("description").asString()).isEqualTo(HTML);
        assertThat(read.json().path("tags").toString()).isEqualTo("[\"😀\",\"e\u0301\"]");
        assertThat(read.contentType()).startsWith("application/json");
    }

    @Test
    void anUnreadableAcceptHeaderIsAProblemToo() {
        SoftAssertions softly = new SoftAssertions();
        for (String accept : List.of("garbage", "text/csv;q=abc")) {
            check(softly, "GET", "/expenses", null, null, "Accept", accept);
            check(softly, "GET", "/categories", null, null, "Accept", accept);
            check(softly, "POST", "/expenses", "application/json", "{}", "Accept", accept);
        }
        softly.assertAll();
    }

    @Test
    void unpairedSurrogatesAreRefusedNotMangled() {
        ApiResponse expense = create(
                token,
                "{\"amount\":\"1\",\"category\":\"\\udfff\",\"date\":\"2026-01-01\",\"description\":\"\\ud800\"}");
        ApiResponse category = api.post("/categories")
                .bearer(token)
                .json("{\"name\":\"a\\ud800\"}")
                .send();

        // the platform refuses such JSON strings as they are read, so the first one is reported
        assertProblem(expense, 400, "validation");
        assertThat(invalidFields(expense)).containsExactly("category");
        assertProblem(category, 400, "validation");
        assertThat(jdbc.sql("select count(*) from categories where user_id = :user and name like '%?%'")
                        .param("user", userId)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    private void check(SoftAssertions softly, String method, String path, String type, String body, String... headers) {
        checkBytes(softly, method, path, type, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Sends the request and records, without stopping, any answer that is a 5xx or a client error not as specified. */
    private void checkBytes(
            SoftAssertions softly, String method, String path, String type, byte[] body, String... headers) {
        ApiClient.Request request = api.method(method, path).bearer(token);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (type != null) {
            request.body(type, body);
        }
        String what = "%s %s %s %s %s"
                .formatted(
                        method,
                        abbreviate(path),
                        String.join(" ", headers),
                        type,
                        body == null ? "-" : abbreviate(new String(body, StandardCharsets.UTF_8)));
        ApiResponse response;
        try {
            response = request.send();
        } catch (RuntimeException e) {
            softly.fail("%s: no answer (%s)", what, e);
            return;
        }
        what += " -> " + abbreviate(response.body());
        softly.assertThat(response.status()).as(what).isLessThan(500);
        if (response.status() >= 400) {
            softly.assertThat(response.contentType()).as(what).startsWith("application/problem+json");
            softly.assertThat(LEAK.matcher(response.body()).find())
                    .as("leaks implementation details: " + what)
                    .isFalse();
        }
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "-";
        }
        return text.length() > 120 ? text.substring(0, 120) + "… (" + text.length() + " chars)" : text;
    }
}
