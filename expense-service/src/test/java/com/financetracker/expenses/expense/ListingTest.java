package com.financetracker.expenses.expense;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.expenses.ExpenseServiceTest;
import com.financetracker.platform.test.ApiResponse;
import com.financetracker.platform.test.TestTokens;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class ListingTest extends ExpenseServiceTest {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

    @Test
    void listsTheCallersExpensesNewestDateFirst() {
        created(token, expense("1", "Food", "2026-01-05"));
        created(token, expense("2", "Food", "2026-03-01"));
        created(token, expense("3", "Food", "2025-12-31"));

        ApiResponse response = list("");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json().isArray()).isTrue();
        assertThat(dates(response)).containsExactly("2026-03-01", "2026-01-05", "2025-12-31");
        assertThat(response.header("X-Total-Count")).isEqualTo("3");
        assertThat(response.header("Link")).isNull();
    }

    @Test
    void aNewUserHasAnEmptyList() {
        ApiResponse response = list("");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().size()).isZero();
        assertThat(response.header("X-Total-Count")).isEqualTo("0");
    }

    @Test
    void anotherUsersExpensesAreNeverListed() {
        String other = TestTokens.user(UUID.randomUUID());
        created(other, expense("99", "Food", "2026-01-01"));
        created(token, expense("1", "Food", "2026-01-01"));

        ApiResponse mine = list("?category=Food&minAmount=0.01");
        ApiResponse everything = list("?limit=1000");

        assertThat(amounts(mine)).containsExactly("1.00");
        assertThat(amounts(everything)).containsExactly("1.00");
        assertThat(everything.header("X-Total-Count")).isEqualTo("1");
    }

    @Test
    void filtersByDateRangeIncludingBothEnds() {
        created(token, expense("1", "Food", "2026-01-31"));
        created(token, expense("2", "Food", "2026-02-01"));
        created(token, expense("3", "Food", "2026-02-15"));
        created(token, expense("4", "Food", "2026-02-28"));
        created(token, expense("5", "Food", "2026-03-01"));

        assertThat(amounts(list("?from=2026-02-01&to=2026-02-28"))).containsExactly("4.00", "3.00", "2.00");
        assertThat(amounts(list("?from=2026-02-28"))).containsExactly("5.00", "4.00");
        assertThat(amounts(list("?to=2026-02-01"))).containsExactly("2.00", "1.00");
        assertThat(amounts(list("?from=2026-02-15&to=2026-02-15"))).containsExactly("3.00");
    }

    @Test
    void fromAfterToIsABadRequest() {
        ApiResponse response = list("?from=2026-02-02&to=2026-02-01");

        assertProblem(response, 400, "validation");
        assertThat(invalidFields(response)).containsExactly("to");
    }

    @Test
    void datesMustBeIsoDatesWithFourDigitYears() {
        assertThat(invalidFields(list("?from=" + encode("+999999999-01-01")))).containsExactly("from");
        assertThat(invalidFields(list("?to=" + encode("+10000-01-01")))).containsExactly("to");
        assertThat(invalidFields(list("?to=" + encode("-0001-01-01")))).containsExactly("to");
        assertThat(invalidFields(list("?from=2026-02-30"))).containsExactly("from");
        assertThat(list("?from=0001-01-01&to=9999-12-31").status()).isEqualTo(200);
    }

    @Test
    void amountBoundsMustFitStoredAmounts() {
        created(token, expense("1", "Food", "2026-01-01"));

        assertThat(invalidFields(list("?minAmount=1e1000000"))).containsExactly("minAmount");
        assertThat(invalidFields(list("?maxAmount=-1e-1000000"))).containsExactly("maxAmount");
        assertThat(invalidFields(list("?minAmount=0.00001"))).containsExactly("minAmount");
        assertThat(invalidFields(list("?minAmount=NaN"))).containsExactly("minAmount");
        assertThat(amounts(list("?minAmount=0.0001&maxAmount=9999999999999.9999")))
                .containsExactly("1.00");
        assertThat(amounts(list("?minAmount=1e3"))).isEmpty();
    }

    @Test
    void filtersByCategoryWhateverItsCase() {
        created(token, expense("1", "Food", "2026-01-01"));
        created(token, expense("2", "Travel", "2026-01-02"));
        created(token, expense("3", "Books", "2026-01-03"));

        assertThat(amounts(list("?category=fOOd"))).containsExactly("1.00");
        assertThat(amounts(list("?category=books"))).containsExactly("3.00");
        assertThat(list("?category=fOOd").header("X-Total-Count")).isEqualTo("1");
    }

    @Test
    void repeatedCategoriesSelectExpensesInAnyOfThem() {
        created(token, expense("1", "Food", "2026-01-01"));
        created(token, expense("2", "Travel", "2026-01-02"));
        created(token, expense("3", "Books", "2026-01-03"));

        ApiResponse response = list("?category=FOOD&category=travel");

        assertThat(amounts(response)).containsExactly("2.00", "1.00");
        assertThat(response.header("X-Total-Count")).isEqualTo("2");
    }

    @Test
    void anUnknownCategorySelectsNothing() {
        created(token, expense("1", "Food", "2026-01-01"));

        ApiResponse response = list("?category=Nope");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().size()).isZero();
        assertThat(response.header("X-Total-Count")).isEqualTo("0");
    }

    @Test
    void filtersByTag() {
        created(token, withTags("1", "2026-01-01", "work", "team"));
        created(token, withTags("2", "2026-01-02", "home"));
        created(token, withTags("3", "2026-01-03"));

        assertThat(amounts(list("?tag=work"))).containsExactly("1.00");
        assertThat(amounts(list("?tag=home"))).containsExactly("2.00");
        assertThat(amounts(list("?tag=work&tag=home"))).containsExactly("2.00", "1.00");
        assertThat(list("?tag=none").json().size()).isZero();
    }

    @Test
    void filtersByCurrencyWhateverItsCase() {
        created(token, "{\"amount\":\"1\",\"currency\":\"EUR\",\"category\":\"Food\",\"date\":\"2026-01-01\"}");
        created(token, "{\"amount\":\"2\",\"currency\":\"USD\",\"category\":\"Food\",\"date\":\"2026-01-02\"}");
        created(token, "{\"amount\":\"3\",\"currency\":\"JPY\",\"category\":\"Food\",\"date\":\"2026-01-03\"}");

        assertThat(amounts(list("?currency=EUR"))).containsExactly("1.00");
        assertThat(amounts(list("?currency=jpy"))).containsExactly("3");
        assertThat(list("?currency=GBP").json().size()).isZero();
    }

    @Test
    void filtersByAmountRangeIncludingBothEnds() {
        created(token, expense("0.99", "Food", "2026-01-01"));
        created(token, expense("1.00", "Food", "2026-01-02"));
        created(token, expense("5.50", "Food", "2026-01-03"));
        created(token, expense("10", "Food", "2026-01-04"));
        created(token, expense("10.01", "Food", "2026-01-05"));

        assertThat(amounts(list("?minAmount=1&maxAmount=10"))).containsExactly("10.00", "5.50", "1.00");
        assertThat(amounts(list("?minAmount=10.01"))).containsExactly("10.01");
        assertThat(amounts(list("?maxAmount=0.99"))).containsExactly("0.99");
        assertThat(list("?minAmount=1&maxAmount=10").header("X-Total-Count")).isEqualTo("3");
    }

    @Test
    void searchesDescriptionsWhateverTheirCase() {
        created(token, described("1", "Lunch with TEAM"));
        created(token, described("2", "team dinner"));
        created(token, described("3", "Taxi"));
        created(token, expense("4", "Food", "2026-01-01"));

        assertThat(amounts(list("?q=Team"))).containsExactlyInAnyOrder("1.00", "2.00");
        assertThat(amounts(list("?q=" + encode("  taxi  ")))).containsExactly("3.00");
        assertThat(list("?q=Team").header("X-Total-Count")).isEqualTo("2");
    }

    @Test
    void searchTreatsPercentAndUnderscoreLiterally() {
        created(token, described("1", "50% off"));
        created(token, described("2", "500 off"));
        created(token, described("3", "file_name"));
        created(token, described("4", "filename"));
        created(token, described("5", "back\\slash"));

        assertThat(amounts(list("?q=" + encode("50%")))).containsExactly("1.00");
        assertThat(amounts(list("?q=" + encode("%")))).containsExactly("1.00");
        assertThat(amounts(list("?q=" + encode("e_n")))).containsExactly("3.00");
        assertThat(amounts(list("?q=" + encode("_")))).containsExactly("3.00");
        assertThat(amounts(list("?q=" + encode("k\\s")))).containsExactly("5.00");
    }

    @Test
    void combinesFilters() {
        created(
                token,
                "{\"amount\":\"12\",\"currency\":\"EUR\",\"category\":\"Food\",\"description\":\"Team lunch\","
                        + "\"date\":\"2026-02-10\",\"tags\":[\"work\"]}");
        created(
                token,
                "{\"amount\":\"12\",\"currency\":\"USD\",\"category\":\"Food\",\"description\":\"Team lunch\","
                        + "\"date\":\"2026-02-10\",\"tags\":[\"work\"]}");
        created(
                token,
                "{\"amount\":\"12\",\"currency\":\"EUR\",\"category\":\"Travel\",\"description\":\"Team lunch\","
                        + "\"date\":\"2026-02-10\",\"tags\":[\"work\"]}");
        created(
                token,
                "{\"amount\":\"120\",\"currency\":\"EUR\",\"category\":\"Food\",\"description\":\"Team lunch\","
                        + "\"date\":\"2026-02-10\",\"tags\":[\"work\"]}");

        ApiResponse response = list("?from=2026-02-01&to=2026-02-28&category=food&tag=work&currency=EUR"
                + "&minAmount=10&maxAmount=100&q=lunch");

        assertThat(response.json().size()).isEqualTo(1);
        assertThat(response.json().get(0).path("currency").asString()).isEqualTo("EUR");
        assertThat(response.json().get(0).path("category").asString()).isEqualTo("Food");
        assertThat(response.json().get(0).path("amount").asString()).isEqualTo("12.00");
        assertThat(response.header("X-Total-Count")).isEqualTo("1");
    }

    @Test
    void sortsByDateAscending() {
        created(token, expense("1", "Food", "2026-01-05"));
        created(token, expense("2", "Food", "2026-03-01"));
        created(token, expense("3", "Food", "2025-12-31"));

        assertThat(dates(list("?sort=date"))).containsExactly("2025-12-31", "2026-01-05", "2026-03-01");
    }

    @Test
    void sortsByAmountNumericallyEitherWay() {
        created(token, expense("9.99", "Food", "2026-01-01"));
        created(token, expense("10", "Food", "2026-01-02"));
        created(token, expense("100", "Food", "2026-01-03"));
        created(token, expense("0.50", "Food", "2026-01-04"));

        assertThat(amounts(list("?sort=-amount"))).containsExactly("100.00", "10.00", "9.99", "0.50");
        assertThat(amounts(list("?sort=amount"))).containsExactly("0.50", "9.99", "10.00", "100.00");
    }

    @Test
    void sortsByCreationNewestFirst() {
        String first =
                created(token, expense("1", "Food", "2026-05-01")).path("id").asString();
        String second =
                created(token, expense("2", "Food", "2026-01-01")).path("id").asString();
        String third =
                created(token, expense("3", "Food", "2026-03-01")).path("id").asString();

        assertThat(ids(list("?sort=-createdAt"))).containsExactly(third, second, first);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-date", "date", "-amount", "amount", "-createdAt"})
    void walkingAllPagesReturnsEveryExpenseExactlyOnceInOrder(String sort) {
        // few distinct dates and amounts, and one import so many rows share their creation time: ties everywhere
        StringBuilder csv = new StringBuilder("date,amount,category,description\n");
        for (int i = 0; i < 23; i++) {
            csv.append("2026-0%d-1%d,%s,Food,row %d\n".formatted(1 + i % 3, i % 2, i % 4 == 0 ? "5" : "7.5", i));
        }
        importCsv(csv.toString());
        created(token, expense("5", "Food", "2026-01-10"));
        created(token, expense("7.50", "Food", "2026-02-11"));
        List<JsonNode> everything = elements(list("?limit=1000&sort=" + encode(sort)));
        assertThat(everything).hasSize(25);

        for (int limit : new int[] {1, 2, 3, 7, 24}) {
            List<JsonNode> walked = walk("/expenses?limit=" + limit + "&sort=" + encode(sort), 25);

            assertThat(walked).hasSize(25);
            assertThat(walked.stream().map(e -> e.path("id").asString()).distinct())
                    .hasSize(25);
            assertThat(walked).isEqualTo(everything);
        }
        assertThat(everything).isSortedAccordingTo(order(sort));
    }

    @Test
    void tiesAreBrokenById() {
        StringBuilder csv = new StringBuilder("date,amount,category,description\n");
        for (int i = 0; i < 6; i++) {
            csv.append("2026-04-01,3,Food,same ").append(i).append('\n');
        }
        importCsv(csv.toString());

        List<String> newestFirst = ids(list("?sort=-date"));
        List<String> oldestFirst = ids(list("?sort=date"));

        assertThat(newestFirst).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(oldestFirst).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(ids(list("?sort=-amount"))).isEqualTo(newestFirst);
        assertThat(ids(list("?sort=amount"))).isEqualTo(oldestFirst);
        assertThat(ids(list("?sort=-createdAt"))).isEqualTo(newestFirst);
    }

    @Test
    void aPageExactlyAsLongAsTheListHasNoNextLink() {
        for (int i = 1; i <= 4; i++) {
            created(token, expense(Integer.toString(i), "Food", "2026-01-0" + i));
        }

        ApiResponse exact = list("?limit=4");
        ApiResponse oneShort = list("?limit=3");

        assertThat(exact.json().size()).isEqualTo(4);
        assertThat(exact.header("Link")).isNull();
        assertThat(exact.header("X-Total-Count")).isEqualTo("4");
        assertThat(oneShort.json().size()).isEqualTo(3);
        assertThat(oneShort.header("Link")).isNotNull();
        ApiResponse last = api.get(next(oneShort)).bearer(token).send();
        assertThat(amounts(last)).containsExactly("1.00");
        assertThat(last.header("Link")).isNull();
        assertThat(last.header("X-Total-Count")).isEqualTo("4");
    }

    @Test
    void theDefaultPageHoldsFifty() {
        StringBuilder csv = new StringBuilder("date,amount,category,description\n");
        for (int i = 0; i < 51; i++) {
            csv.append("2026-01-01,1,Food,row ").append(i).append('\n');
        }
        importCsv(csv.toString());

        ApiResponse first = list("");

        assertThat(first.json().size()).isEqualTo(50);
        assertThat(first.header("X-Total-Count")).isEqualTo("51");
        assertThat(api.get(next(first)).bearer(token).send().json().size()).isEqualTo(1);
    }

    @Test
    void theNextLinkKeepsTheFiltersAndTheTotalCountsEveryMatchOnEveryPage() {
        for (int i = 1; i <= 5; i++) {
            created(token, described(Integer.toString(i), "50% off, item " + i));
            created(
                    token,
                    "{\"amount\":\"%d\",\"category\":\"Travel\",\"description\":\"50%% off\",\"date\":\"2026-01-01\"}"
                            .formatted(i));
        }

        ApiResponse page = list("?category=food&q=" + encode("50%") + "&limit=2");
        List<String> categories = new ArrayList<>();
        int pages = 0;
        while (true) {
            pages++;
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.header("X-Total-Count")).isEqualTo("5");
            page.json().forEach(e -> categories.add(e.path("category").asString()));
            if (page.header("Link") == null) {
                break;
            }
            assertThat(next(page)).contains("category=food").contains("limit=2");
            page = api.get(next(page)).bearer(token).send();
        }

        assertThat(pages).isEqualTo(3);
        assertThat(categories).hasSize(5).containsOnly("Food");
    }

    @Test
    void limitMustBeBetweenOneAndAThousand() {
        assertProblem(list("?limit=0"), 400, "validation");
        assertProblem(list("?limit=1001"), 400, "validation");
        assertProblem(list("?limit=-1"), 400, "validation");
        assertProblem(list("?limit=abc"), 400, "validation");
        assertThat(list("?limit=1000").status()).isEqualTo(200);
        assertThat(list("?limit=1").status()).isEqualTo(200);
    }

    @Test
    void anUnknownSortIsABadRequest() {
        ApiResponse response = list("?sort=description");

        assertProblem(response, 400, "validation");
        assertThat(invalidFields(response)).containsExactly("sort");
        assertProblem(list("?sort=" + encode("+date")), 400, "validation");
        assertProblem(list("?sort=DATE"), 400, "validation");
    }

    @Test
    void aGarbageCursorIsABadRequest() {
        created(token, expense("1", "Food", "2026-01-01"));

        for (String cursor : List.of(
                "garbage",
                "!!!",
                base64("-date|2026-01-01"),
                base64("-date|not-a-date|" + UUID.randomUUID()),
                base64("-date|2026-01-01|not-a-uuid"),
                base64("-amount|NaN|" + UUID.randomUUID()),
                base64("-createdAt|yesterday|" + UUID.randomUUID()),
                base64("nope|2026-01-01|" + UUID.randomUUID()),
                // well-formed but out of the database's range: this service never issues them
                base64("-date|+999999999-12-31|" + UUID.randomUUID()),
                base64("-amount|1e1000000|" + UUID.randomUUID()),
                base64("amount|-1e-1000000|" + UUID.randomUUID()),
                base64("-createdAt|+100000-01-01T00:00:00Z|" + UUID.randomUUID()))) {
            ApiResponse response = list("?cursor=" + encode(cursor));

            assertProblem(response, 400, "validation");
            assertThat(invalidFields(response)).as(cursor).containsExactly("cursor");
        }
    }

    @Test
    void aCursorOnlyContinuesTheSortOrderItCameFrom() {
        created(token, expense("1", "Food", "2026-01-01"));
        created(token, expense("2", "Food", "2026-01-02"));
        String cursor = cursor(list("?limit=1&sort=-amount"));

        ApiResponse sameOrder = list("?limit=1&sort=-amount&cursor=" + cursor);
        ApiResponse otherOrder = list("?limit=1&sort=date&cursor=" + cursor);
        ApiResponse defaultOrder = list("?limit=1&cursor=" + cursor);

        assertThat(amounts(sameOrder)).containsExactly("1.00");
        assertProblem(otherOrder, 400, "validation");
        assertProblem(defaultOrder, 400, "validation");
    }

    @Test
    void aCursorDoesNotRevealAnotherUsersExpenses() {
        String other = TestTokens.user(UUID.randomUUID());
        created(other, expense("1", "Food", "2026-01-01"));
        created(other, expense("2", "Food", "2026-01-02"));
        String theirCursor = cursor(api.get("/expenses?limit=1").bearer(other).send());

        ApiResponse mine = list("?limit=1&cursor=" + theirCursor);

        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().size()).isZero();
    }

    private ApiResponse list(String query) {
        return api.get("/expenses" + query).bearer(token).send();
    }

    private void importCsv(String csv) {
        ApiResponse response =
                api.post("/expenses/import").bearer(token).body("text/csv", csv).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("errors").size()).as(response.body()).isZero();
    }

    /** Follows the Link headers from the first page, collecting every expense. */
    private List<JsonNode> walk(String firstPage, int expectedTotal) {
        List<JsonNode> all = new ArrayList<>();
        Set<String> seenLinks = new HashSet<>();
        String link = firstPage;
        while (link != null) {
            assertThat(seenLinks.add(link))
                    .as("a page links to itself: " + link)
                    .isTrue();
            ApiResponse page = api.get(link).bearer(token).send();
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.header("X-Total-Count")).isEqualTo(Integer.toString(expectedTotal));
            all.addAll(elements(page));
            assertThat(all.size()).as("more rows than exist: pages repeat").isLessThanOrEqualTo(expectedTotal);
            link = page.header("Link") == null ? null : next(page);
        }
        return all;
    }

    private static Comparator<JsonNode> order(String sort) {
        Comparator<JsonNode> byId = Comparator.comparing(e -> e.path("id").asString());
        Comparator<JsonNode> key = switch (sort.replace("-", "")) {
            case "date" -> Comparator.comparing(e -> e.path("date").asString());
            case "amount" ->
                Comparator.comparing(e -> new BigDecimal(e.path("amount").asString()));
            default ->
                Comparator.comparing(e -> Instant.parse(e.path("createdAt").asString()));
        };
        Comparator<JsonNode> ascending = key.thenComparing(byId);
        return sort.startsWith("-") ? ascending.reversed() : ascending;
    }

    private static String next(ApiResponse response) {
        String link = response.header("Link");
        assertThat(link).as("Link header").isNotNull();
        Matcher matcher = NEXT.matcher(link);
        assertThat(matcher.find()).as(link).isTrue();
        return matcher.group(1);
    }

    private static String cursor(ApiResponse response) {
        Matcher matcher = Pattern.compile("[?&]cursor=([^&]+)").matcher(next(response));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static String withTags(String amount, String date, String... tags) {
        String list = tags.length == 0 ? "[]" : "[\"" + String.join("\",\"", tags) + "\"]";
        return "{\"amount\":\"%s\",\"category\":\"Food\",\"date\":\"%s\",\"tags\":%s}".formatted(amount, date, list);
    }

    private static String described(String amount, String description) {
        return "{\"amount\":\"%s\",\"category\":\"Food\",\"date\":\"2026-01-01\",\"description\":\"%s\"}"
                .formatted(amount, description.replace("\\", "\\\\"));
    }

    private static List<JsonNode> elements(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(response.json().spliterator(), false).toList();
    }

    private static List<String> dates(ApiResponse response) {
        return elements(response).stream().map(e -> e.path("date").asString()).toList();
    }

    private static List<String> amounts(ApiResponse response) {
        return elements(response).stream().map(e -> e.path("amount").asString()).toList();
    }

    private static List<String> ids(ApiResponse response) {
        return elements(response).stream().map(e -> e.path("id").asString()).toList();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String base64(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
