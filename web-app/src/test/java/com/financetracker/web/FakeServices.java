package com.financetracker.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The user, expense and analytics services as the web app's tests need them: real HTTP servers on free ports that
 * answer like the services (tokens, profiles, expenses, categories, summaries, import, usage) and that a test can
 * make fail with 5xx, stop altogether, or slow down. State is per fake user and in memory.
 */
public final class FakeServices {

    static final JsonMapper JSON = JsonMapper.builder().build();

    public final Fake users = new Fake("users");
    public final Fake expenses = new Fake("expenses");
    public final Fake analytics = new Fake("analytics");
    public final Fake insights = new Fake("insights");

    /** The fake insights service's suggestion for descriptions containing each word (lower case), with confidence. */
    public final Map<String, Map.Entry<String, Double>> suggestionsByWord = new ConcurrentHashMap<>();

    /** Refresh calls received, successful or not. */
    public final AtomicInteger refreshCalls = new AtomicInteger();
    /** How long a refresh takes, to make concurrent requests overlap. */
    public volatile long refreshDelayMillis = 0;
    /** How long an import takes, to outlast the read timeout of other calls. */
    public volatile long importDelayMillis = 0;
    /** The lifetime of the access tokens issued, in seconds. */
    public volatile long accessTtlSeconds = 900;
    /** When set, every login answers 429 with this Retry-After. */
    public volatile Long throttleSeconds = null;
    /** Refresh tokens revoked by a logout. */
    public final List<String> loggedOut = new CopyOnWriteArrayList<>();
    /** The Idempotency-Key of every expense creation. */
    public final List<String> idempotencyKeys = new CopyOnWriteArrayList<>();

    private final Map<String, Account> accountsByEmail = new ConcurrentHashMap<>();
    private final Map<String, Account> byAccessToken = new ConcurrentHashMap<>();
    private final Map<String, Account> byRefreshToken = new ConcurrentHashMap<>();
    private final AtomicInteger tokens = new AtomicInteger();

    public FakeServices() {
        users.handle(this::users);
        expenses.handle(this::expenses);
        analytics.handle(this::analytics);
        insights.handle(this::insights);
    }

    public void resetFailures() {
        users.mode = Mode.UP;
        expenses.mode = Mode.UP;
        analytics.mode = Mode.UP;
        insights.mode = Mode.UP;
        suggestionsByWord.clear();
        throttleSeconds = null;
        refreshDelayMillis = 0;
        importDelayMillis = 0;
        accessTtlSeconds = 900;
    }

    /** An account that can log in, with the default categories. */
    public Account account(String email, String password) {
        Account account = new Account(UUID.randomUUID(), email, password);
        accountsByEmail.put(email.toLowerCase(), account);
        return account;
    }

    public Account accountOf(String email) {
        return Objects.requireNonNull(accountsByEmail.get(email.toLowerCase()), email);
    }

    /** Makes every access token issued so far invalid, as if they had expired. */
    public void expireAccessTokens() {
        byAccessToken.clear();
    }

    /** Revokes every refresh token issued so far, as a password change elsewhere would. */
    public void revokeRefreshTokens() {
        byRefreshToken.clear();
    }

    public void stop() {
        users.server.stop(0);
        expenses.server.stop(0);
        analytics.server.stop(0);
        insights.server.stop(0);
    }

    // --- user service ---------------------------------------------------------------------------------------------

    private void users(HttpExchange http) throws IOException {
        String path = http.getRequestURI().getPath();
        String method = http.getRequestMethod();
        switch (method + " " + path) {
            case "POST /register" -> {
                JsonNode body = body(http);
                String email = body.path("email").asString("");
                String password = body.path("password").asString("");
                if (accountsByEmail.containsKey(email.toLowerCase())) {
                    problem(http, 409, "email-taken", "An account with this email already exists", List.of());
                } else if (password.length() < 8) {
                    problem(
                            http,
                            400,
                            "validation",
                            "1 field is invalid",
                            List.of(Map.of("field", "password", "message", "must have 8 to 128 characters")));
                } else if (!email.contains("@")) {
                    problem(
                            http,
                            400,
                            "validation",
                            "1 field is invalid",
                            List.of(Map.of("field", "email", "message", "must be a well-formed email address")));
                } else {
                    Account account = account(email, password);
                    if (body.hasNonNull("displayName")) {
                        account.displayName = body.path("displayName").asString();
                    }
                    json(http, 201, account.profile());
                }
            }
            case "POST /login" -> {
                JsonNode body = body(http);
                Account account =
                        accountsByEmail.get(body.path("email").asString("").toLowerCase());
                if (throttleSeconds != null) {
                    http.getResponseHeaders().set("Retry-After", Long.toString(throttleSeconds));
                    problem(http, 429, "too-many-requests", "Too many failed attempts", List.of());
                } else if (account == null
                        || !account.password.equals(body.path("password").asString(""))) {
                    problem(http, 401, "invalid-credentials", "The email or password is incorrect", List.of());
                } else if (account.disabled) {
                    problem(http, 403, "account-disabled", "This account has been disabled", List.of());
                } else {
                    json(http, 200, issue(account));
                }
            }
            case "POST /token/refresh" -> {
                refreshCalls.incrementAndGet();
                sleep(refreshDelayMillis);
                String refresh = body(http).path("refresh_token").asString("");
                Account account = byRefreshToken.remove(refresh);
                if (account == null) {
                    problem(
                            http,
                            401,
                            "invalid-refresh-token",
                            "The refresh token is unknown, expired or revoked",
                            List.of());
                } else {
                    json(http, 200, issue(account));
                }
            }
            case "POST /logout" -> {
                String refresh = body(http).path("refresh_token").asString("");
                loggedOut.add(refresh);
                byRefreshToken.remove(refresh);
                empty(http, 204);
            }
            default -> authenticatedUsers(http, method, path);
        }
    }

    private void authenticatedUsers(HttpExchange http, String method, String path) throws IOException {
        Account me = authenticate(http);
        if (me == null) {
            return;
        }
        if (path.equals("/users/me")) {
            switch (method) {
                case "GET" -> json(http, 200, me.profile());
                case "PATCH" -> {
                    JsonNode patch = body(http);
                    String currency = patch.path("defaultCurrency").asString(null);
                    if (currency != null && !currency.matches("[A-Z]{3}")) {
                        problem(
                                http,
                                400,
                                "validation",
                                "1 field is invalid",
                                List.of(Map.of("field", "defaultCurrency", "message", "must be an ISO 4217 code")));
                        return;
                    }
                    if (patch.path("displayName").asString("").isBlank()) {
                        problem(
                                http,
                                400,
                                "validation",
                                "1 field is invalid",
                                List.of(Map.of("field", "displayName", "message", "must not be blank")));
                        return;
                    }
                    me.displayName = patch.path("displayName").asString();
                    me.defaultCurrency = currency;
                    json(http, 200, me.profile());
                }
                case "DELETE" -> {
                    if (!me.password.equals(body(http).path("password").asString(""))) {
                        problem(http, 403, "wrong-password", "The current password is incorrect", List.of());
                        return;
                    }
                    accountsByEmail.remove(me.email.toLowerCase());
                    byAccessToken.values().removeIf(a -> a == me);
                    byRefreshToken.values().removeIf(a -> a == me);
                    empty(http, 204);
                }
                default -> empty(http, 405);
            }
            return;
        }
        if (path.equals("/users/me/password") && method.equals("PUT")) {
            JsonNode body = body(http);
            if (!me.password.equals(body.path("currentPassword").asString(""))) {
                problem(http, 403, "wrong-password", "The current password is incorrect", List.of());
            } else if (body.path("newPassword").asString("").length() < 8) {
                problem(
                        http,
                        400,
                        "validation",
                        "1 field is invalid",
                        List.of(Map.of("field", "newPassword", "message", "must have 8 to 128 characters")));
            } else {
                me.password = body.path("newPassword").asString();
                empty(http, 204);
            }
            return;
        }
        if (!me.roles.contains("ADMIN")) {
            problem(http, 403, "forbidden", "You may not do this", List.of());
            return;
        }
        if (path.equals("/users") && method.equals("GET")) {
            String q = query(http).getOrDefault("q", "").toLowerCase();
            List<Map<String, Object>> listed = accountsByEmail.values().stream()
                    .filter(a -> a.email.toLowerCase().contains(q)
                            || a.displayName.toLowerCase().contains(q))
                    .sorted(Comparator.comparing(a -> a.email))
                    .map(Account::profile)
                    .toList();
            json(http, 200, listed);
            return;
        }
        Account target = accountsByEmail.values().stream()
                .filter(a -> path.equals("/users/" + a.id))
                .findFirst()
                .orElse(null);
        if (target == null) {
            problem(http, 404, "not-found", "No such user", List.of());
        } else if (method.equals("GET")) {
            json(http, 200, target.profile());
        } else {
            JsonNode patch = body(http);
            if (target == me) {
                problem(http, 409, "self-lockout", "An administrator cannot lock themselves out", List.of());
                return;
            }
            if (patch.has("disabled")) {
                target.disabled = patch.path("disabled").asBoolean();
            }
            if (patch.has("roles")) {
                target.roles = new ArrayList<>();
                patch.path("roles").forEach(role -> target.roles.add(role.asString()));
            }
            json(http, 200, target.profile());
        }
    }

    private Map<String, Object> issue(Account account) {
        String access = "access-" + tokens.incrementAndGet();
        String refresh = "refresh-" + tokens.incrementAndGet();
        byAccessToken.put(access, account);
        byRefreshToken.put(refresh, account);
        return Map.of(
                "access_token",
                access,
                "token_type",
                "Bearer",
                "expires_in",
                accessTtlSeconds,
                "refresh_token",
                refresh);
    }

    // --- expense service ------------------------------------------------------------------------------------------

    private void expenses(HttpExchange http) throws IOException {
        Account me = authenticate(http);
        if (me == null) {
            return;
        }
        String path = http.getRequestURI().getPath();
        String method = http.getRequestMethod();
        Map<String, String> query = query(http);
        if (path.equals("/expenses") && method.equals("GET")) {
            List<ObjectNode> selected = me.expenses.values().stream()
                    .filter(e -> !query.containsKey("q")
                            || e.path("description")
                                    .asString("")
                                    .toLowerCase()
                                    .contains(query.get("q").toLowerCase()))
                    .filter(e -> !query.containsKey("category")
                            || e.path("category").asString().equalsIgnoreCase(query.get("category")))
                    .sorted(Comparator.comparing(
                                    (ObjectNode e) -> e.path("date").asString())
                            .thenComparing(e -> e.path("createdAt").asString())
                            .reversed())
                    .toList();
            if (query.containsKey("minAmount") && !query.get("minAmount").matches("[0-9.]+")) {
                problem(
                        http,
                        400,
                        "validation",
                        "1 field is invalid",
                        List.of(Map.of("field", "minAmount", "message", "must be a number")));
                return;
            }
            if ("text/csv".equals(http.getRequestHeaders().getFirst("Accept"))) {
                StringBuilder csv = new StringBuilder("date,amount,currency,category,description,tags\n");
                selected.forEach(e -> csv.append(e.path("date").asString())
                        .append(',')
                        .append(e.path("amount").asString())
                        .append(',')
                        .append(e.path("currency").asString())
                        .append(',')
                        .append(e.path("category").asString())
                        .append(',')
                        .append(e.path("description").asString(""))
                        .append(",\n"));
                send(http, 200, "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
                return;
            }
            int limit = Integer.parseInt(query.getOrDefault("limit", "50"));
            int offset = Integer.parseInt(query.getOrDefault("cursor", "0"));
            List<ObjectNode> page =
                    selected.subList(Math.min(offset, selected.size()), Math.min(offset + limit, selected.size()));
            http.getResponseHeaders().set("X-Total-Count", Integer.toString(selected.size()));
            if (offset + limit < selected.size()) {
                http.getResponseHeaders()
                        .set("Link", "</expenses?limit=" + limit + "&cursor=" + (offset + limit) + ">; rel=\"next\"");
            }
            json(http, 200, page);
        } else if (path.equals("/expenses") && method.equals("POST")) {
            String key = http.getRequestHeaders().getFirst("Idempotency-Key");
            idempotencyKeys.add(String.valueOf(key));
            if (key != null && me.byKey.containsKey(key)) {
                json(http, 201, me.byKey.get(key));
                return;
            }
            JsonNode body = body(http);
            List<Map<String, String>> errors = validate(body);
            if (!errors.isEmpty()) {
                problem(http, 400, "validation", errors.size() + " fields are invalid", errors);
                return;
            }
            ObjectNode expense = expense(me, body);
            if (key != null) {
                me.byKey.put(key, expense);
            }
            json(http, 201, expense);
        } else if (path.equals("/expenses/summary")) {
            json(http, 200, summary(me, query));
        } else if (path.equals("/expenses/import") && method.equals("POST")) {
            sleep(importDelayMillis);
            String[] lines = new String(http.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<Map<String, Object>> errors = new ArrayList<>();
            int imported = 0;
            for (int i = 1; i < lines.length; i++) {
                String[] cells = lines[i].split(",", -1);
                if (cells.length < 4 || !cells[1].matches("[0-9.]+")) {
                    errors.add(Map.of("line", i + 1, "message", "amount must be a number"));
                    continue;
                }
                imported++;
                if (!"true".equals(query.get("dryRun"))) {
                    ObjectNode row = JSON.createObjectNode();
                    row.put("date", cells[0])
                            .put("amount", cells[1])
                            .put("currency", cells[2])
                            .put("category", cells[3])
                            .put("description", cells.length > 4 ? cells[4] : "");
                    expense(me, row);
                }
            }
            json(
                    http,
                    200,
                    Map.of(
                            "imported",
                            imported,
                            "duplicates",
                            0,
                            "errors",
                            errors,
                            "errorCount",
                            errors.size(),
                            "dryRun",
                            "true".equals(query.get("dryRun"))));
        } else if (path.startsWith("/expenses/")) {
            ObjectNode expense = me.expenses.get(path.substring("/expenses/".length()));
            if (expense == null) {
                problem(http, 404, "not-found", "No expense with this id", List.of());
                return;
            }
            String ifMatch = http.getRequestHeaders().getFirst("If-Match");
            if (ifMatch != null
                    && !ifMatch.equals("\"" + expense.path("version").asInt() + "\"")) {
                problem(http, 412, "precondition-failed", "The expense was changed meanwhile", List.of());
                return;
            }
            switch (method) {
                case "GET" -> json(http, 200, expense);
                case "DELETE" -> {
                    me.expenses.remove(expense.path("id").asString());
                    empty(http, 204);
                }
                case "PATCH" -> {
                    JsonNode patch = body(http);
                    ObjectNode merged = expense.deepCopy();
                    patch.properties().forEach(field -> merged.set(field.getKey(), field.getValue()));
                    List<Map<String, String>> errors = validate(merged);
                    if (!errors.isEmpty()) {
                        problem(http, 400, "validation", errors.size() + " fields are invalid", errors);
                        return;
                    }
                    merged.put("version", expense.path("version").asInt() + 1);
                    me.expenses.put(merged.path("id").asString(), merged);
                    json(http, 200, merged);
                }
                default -> empty(http, 405);
            }
        } else if (path.equals("/categories") && method.equals("GET")) {
            json(
                    http,
                    200,
                    me.categories.entrySet().stream()
                            .map(c -> Map.of(
                                    "id",
                                    c.getKey(),
                                    "name",
                                    c.getValue(),
                                    "expenseCount",
                                    me.expenses.values().stream()
                                            .filter(e -> e.path("category")
                                                    .asString()
                                                    .equalsIgnoreCase(c.getValue()))
                                            .count()))
                            .toList());
        } else if (path.equals("/categories") && method.equals("POST")) {
            String name = body(http).path("name").asString("").strip();
            if (me.categories.values().stream().anyMatch(n -> n.equalsIgnoreCase(name))) {
                problem(http, 409, "category-exists", "You already have this category", List.of());
            } else if (name.isEmpty()) {
                problem(
                        http,
                        400,
                        "validation",
                        "1 field is invalid",
                        List.of(Map.of("field", "name", "message", "must not be blank")));
            } else {
                String id = UUID.randomUUID().toString();
                me.categories.put(id, name);
                json(http, 201, Map.of("id", id, "name", name, "expenseCount", 0));
            }
        } else if (path.startsWith("/categories/")) {
            String id = path.substring("/categories/".length());
            String name = me.categories.get(id);
            if (name == null) {
                problem(http, 404, "not-found", "No such category", List.of());
            } else if (method.equals("PATCH")) {
                String renamed = body(http).path("name").asString("");
                if (me.categories.entrySet().stream()
                        .anyMatch(c -> !c.getKey().equals(id) && c.getValue().equalsIgnoreCase(renamed))) {
                    problem(http, 409, "category-exists", "You already have this category", List.of());
                    return;
                }
                me.categories.put(id, renamed);
                me.expenses.values().stream()
                        .filter(e -> e.path("category").asString().equalsIgnoreCase(name))
                        .forEach(e -> e.put("category", renamed));
                json(http, 200, Map.of("id", id, "name", renamed, "expenseCount", 0));
            } else if (method.equals("DELETE")) {
                boolean used = me.expenses.values().stream()
                        .anyMatch(e -> e.path("category").asString().equalsIgnoreCase(name));
                String target = query.get("reassignTo") == null ? null : me.categories.get(query.get("reassignTo"));
                if (used && target == null) {
                    problem(http, 409, "category-in-use", "Expenses use this category", List.of());
                    return;
                }
                me.expenses.values().stream()
                        .filter(e -> e.path("category").asString().equalsIgnoreCase(name))
                        .forEach(e -> e.put("category", target));
                me.categories.remove(id);
                empty(http, 204);
            }
        } else {
            problem(http, 404, "not-found", "No endpoint", List.of());
        }
    }

    private static List<Map<String, String>> validate(JsonNode body) {
        List<Map<String, String>> errors = new ArrayList<>();
        String amount = body.path("amount").asString("");
        if (!amount.matches("[0-9]+(\\.[0-9]{1,2})?") || Double.parseDouble(amount) <= 0) {
            errors.add(Map.of("field", "amount", "message", "must be greater than 0 with at most 2 decimals"));
        }
        if (body.path("category").asString("").isBlank()) {
            errors.add(Map.of("field", "category", "message", "must not be blank"));
        }
        if (body.path("date").isNull() || body.path("date").asString("").isBlank()) {
            errors.add(Map.of("field", "date", "message", "is required"));
        }
        return errors;
    }

    private ObjectNode expense(Account me, JsonNode body) {
        ObjectNode expense = JSON.createObjectNode();
        String id = UUID.randomUUID().toString();
        expense.put("id", id);
        expense.put(
                "amount",
                new java.math.BigDecimal(body.path("amount").asString())
                        .setScale(2)
                        .toPlainString());
        expense.put(
                "currency", body.path("currency").asString(me.defaultCurrency == null ? "USD" : me.defaultCurrency));
        expense.put("category", body.path("category").asString());
        expense.put("description", body.path("description").asString(null));
        expense.put("date", body.path("date").asString());
        expense.set("tags", body.has("tags") ? body.get("tags") : JSON.createArrayNode());
        expense.put("createdAt", Instant.now().plusNanos(me.expenses.size()).toString());
        expense.put("updatedAt", Instant.now().toString());
        expense.put("version", 1);
        me.expenses.put(id, expense);
        return expense;
    }

    private static Map<String, Object> summary(Account me, Map<String, String> query) {
        LocalDate from = LocalDate.parse(query.get("from"));
        LocalDate to = LocalDate.parse(query.get("to"));
        String groupBy = query.getOrDefault("groupBy", "category");
        Map<String, java.math.BigDecimal> totals = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ObjectNode e : me.expenses.values()) {
            LocalDate date = LocalDate.parse(e.path("date").asString());
            if (date.isBefore(from) || date.isAfter(to)) {
                continue;
            }
            String key = switch (groupBy) {
                case "month" -> date.toString().substring(0, 7);
                case "day" -> date.toString();
                default -> e.path("category").asString();
            };
            String group = key + "|" + e.path("currency").asString();
            totals.merge(group, new java.math.BigDecimal(e.path("amount").asString()), java.math.BigDecimal::add);
            counts.merge(group, 1, Integer::sum);
        }
        List<Map<String, Object>> groups = new ArrayList<>();
        totals.forEach((group, total) -> groups.add(Map.of(
                "key", group.substring(0, group.indexOf('|')),
                "currency", group.substring(group.indexOf('|') + 1),
                "total", total.toPlainString(),
                "count", counts.get(group),
                "average", total.toPlainString())));
        return Map.of("from", from.toString(), "to", to.toString(), "groups", groups);
    }

    // --- analytics service ----------------------------------------------------------------------------------------

    private void analytics(HttpExchange http) throws IOException {
        Account me = authenticate(http);
        if (me == null) {
            return;
        }
        if (!me.roles.contains("ADMIN")) {
            problem(http, 403, "forbidden", "You may not do this", List.of());
            return;
        }
        json(http, 200, Map.of("totals", Map.of("requests", 1234, "errors", 5, "services", 4), "endpoints", List.of()));
    }

    // --- insights service -----------------------------------------------------------------------------------------

    private void insights(HttpExchange http) throws IOException {
        Account me = authenticate(http);
        if (me == null) {
            return;
        }
        String path = http.getRequestURI().getPath();
        String method = http.getRequestMethod();
        if (method.equals("POST") && path.equals("/insights/category-suggestions")) {
            String description = body(http).path("description").asString("").toLowerCase();
            List<Map<String, Object>> suggestions = suggestionsByWord.entrySet().stream()
                    .filter(word -> description.contains(word.getKey()))
                    .map(word -> Map.<String, Object>of(
                            "category", word.getValue().getKey(),
                            "confidence", word.getValue().getValue(),
                            "because", List.of(word.getKey())))
                    .toList();
            json(http, 200, Map.of("suggestions", suggestions, "modelVersion", 1));
        } else if (method.equals("GET") && path.equals("/insights/alerts")) {
            json(http, 200, List.copyOf(me.alerts.values()));
        } else if (method.equals("POST") && path.startsWith("/insights/alerts/") && path.endsWith("/dismiss")) {
            String id = path.substring("/insights/alerts/".length(), path.length() - "/dismiss".length());
            if (me.alerts.remove(id) == null) {
                problem(http, 404, "not-found", "No such alert", List.of());
            } else {
                http.sendResponseHeaders(204, -1);
                http.close();
            }
        } else {
            problem(http, 404, "not-found", "No such endpoint", List.of());
        }
    }

    // --- plumbing -------------------------------------------------------------------------------------------------

    private Account authenticate(HttpExchange http) throws IOException {
        String authorization = http.getRequestHeaders().getFirst("Authorization");
        Account account = authorization == null || !authorization.startsWith("Bearer ")
                ? null
                : byAccessToken.get(authorization.substring("Bearer ".length()));
        if (account == null) {
            problem(http, 401, "unauthorized", "A valid access token is required", List.of());
        }
        return account;
    }

    private static JsonNode body(HttpExchange http) throws IOException {
        byte[] bytes = http.getRequestBody().readAllBytes();
        return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
    }

    private static Map<String, String> query(HttpExchange http) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = http.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(
                            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    private static void problem(HttpExchange http, int status, String type, String detail, List<?> errors)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:finance-tracker:problem:" + type);
        problem.put("status", status);
        problem.put("detail", detail);
        if (!errors.isEmpty()) {
            problem.put("errors", errors);
        }
        send(http, status, "application/problem+json", JSON.writeValueAsBytes(problem));
    }

    private static void json(HttpExchange http, int status, Object body) throws IOException {
        send(http, status, "application/json", JSON.writeValueAsBytes(body));
    }

    private static void empty(HttpExchange http, int status) throws IOException {
        http.sendResponseHeaders(status, -1);
        http.close();
    }

    private static void send(HttpExchange http, int status, String type, byte[] body) throws IOException {
        http.getResponseHeaders().set("Content-Type", type);
        http.sendResponseHeaders(status, body.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(body);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What a fake service does with requests. */
    public enum Mode {
        UP,
        /** answers 503 to everything */
        FAILING,
        /** drops every connection without an answer, as a service that is down or unreachable */
        DOWN
    }

    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange http) throws IOException;
    }

    /** One fake service: an HTTP server on a free port of the loopback interface. */
    public static final class Fake {

        final HttpServer server;
        public volatile Mode mode = Mode.UP;
        private final String name;

        Fake(String name) {
            this.name = name;
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
        }

        void handle(Handler handler) {
            server.createContext("/", http -> {
                try {
                    if (mode == Mode.DOWN) {
                        http.close();
                        return;
                    }
                    if (mode == Mode.FAILING) {
                        problem(http, 503, "unavailable", name + " is failing", List.of());
                        return;
                    }
                    handler.handle(http);
                } catch (RuntimeException e) {
                    problem(http, 500, "internal", e.toString(), List.of());
                }
            });
        }

        public String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }
    }

    /** A person known to the fake user service, with their expenses and categories at the fake expense service. */
    public static final class Account {
        public final UUID id;
        public final String email;
        public volatile String password;
        public volatile String displayName;
        public volatile String defaultCurrency;
        public volatile boolean disabled;
        public volatile List<String> roles = new ArrayList<>(List.of("USER"));
        public final Map<String, ObjectNode> expenses = new ConcurrentHashMap<>();
        public final Map<String, String> categories = new ConcurrentHashMap<>();
        /** The fake insights service's alerts for this person, by id. */
        public final Map<String, Map<String, Object>> alerts = new ConcurrentHashMap<>();

        final Map<String, ObjectNode> byKey = new ConcurrentHashMap<>();

        Account(UUID id, String email, String password) {
            this.id = id;
            this.email = email;
            this.password = password;
            this.displayName = email.substring(0, email.indexOf('@'));
            for (String name : List.of("Food", "Transport", "Housing", "Other")) {
                categories.put(UUID.randomUUID().toString(), name);
            }
        }

        public Account admin() {
            roles = new ArrayList<>(List.of("USER", "ADMIN"));
            return this;
        }

        Map<String, Object> profile() {
            Map<String, Object> profile = new LinkedHashMap<>();
            profile.put("id", id.toString());
            profile.put("email", email);
            profile.put("displayName", displayName);
            profile.put("roles", roles);
            profile.put("defaultCurrency", defaultCurrency);
            profile.put("disabled", disabled);
            profile.put("createdAt", "2026-01-01T00:00:00Z");
            return profile;
        }
    }
}
