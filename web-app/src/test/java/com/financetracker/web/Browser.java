package com.financetracker.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A browser for the tests: keeps cookies, does not follow redirects (the tests assert them), reads the CSRF token of
 * the last page, and sends htmx requests with the headers htmx sends.
 */
public final class Browser {

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String csrfHeader = "X-CSRF-TOKEN";
    private String csrfToken = "";
    private String acceptLanguage = "en-US";

    public Browser(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public Browser language(String tag) {
        this.acceptLanguage = tag;
        return this;
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), false);
    }

    public Page getWithHeader(String path, String name, String value) {
        return send(HttpRequest.newBuilder(uri(path)).header(name, value).GET(), false);
    }

    /** Follows redirects like a browser; returns the last page. */
    public Page open(String path) {
        Page page = get(path);
        for (int i = 0; i < 5 && page.isRedirect(); i++) {
            page = get(page.location());
        }
        return page;
    }

    public Page htmxGet(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), true);
    }

    /** A form post with the CSRF token of the last page. */
    public Page post(String path, String... namesAndValues) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrfToken);
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            form.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return postForm(path, List.copyOf(form.entrySet()), false);
    }

    /** A form post without any CSRF token, as a forged cross-site request would be. */
    public Page postWithoutCsrf(String path, String... namesAndValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            form.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return postForm(path, List.copyOf(form.entrySet()), false);
    }

    /** An htmx post: form fields plus the CSRF token in the header, as app.js sends it. */
    public Page htmxPost(String path, String... namesAndValues) {
        List<Map.Entry<String, String>> form = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            form.add(Map.entry(namesAndValues[i], namesAndValues[i + 1]));
        }
        return postForm(path, form, true);
    }

    public Page htmxDelete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), true);
    }

    public Page postMultipart(String path, String field, String fileName, String content) {
        String boundary = "----test" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrfToken
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                false);
    }

    /** Signs up through the page and returns the home page. */
    public Page signUp(String email, String password) {
        get("/signup");
        return post("/signup", "email", email, "password", password, "displayName", "Test Person");
    }

    public Page logIn(String email, String password) {
        get("/login");
        return post("/login", "email", email, "password", password);
    }

    public Optional<HttpCookie> sessionCookie() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("FT_SESSION"))
                .findFirst();
    }

    public void forgetCookies() {
        cookies.getCookieStore().removeAll();
    }

    private Page postForm(String path, List<Map.Entry<String, String>> form, boolean htmx) {
        String body = form.stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                htmx);
    }

    private Page send(HttpRequest.Builder request, boolean htmx) {
        request.header("Accept-Language", acceptLanguage);
        request.header("Accept", "text/html");
        if (htmx) {
            request.header("HX-Request", "true");
            request.header(csrfHeader, csrfToken);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Page page = new Page(response);
            Element header = page.document().selectFirst("meta[name=csrf-header]");
            Element token = page.document().selectFirst("meta[name=csrf-token]");
            if (header != null && token != null && !token.attr("content").isEmpty()) {
                csrfHeader = header.attr("content");
                csrfToken = token.attr("content");
            } else {
                Element hidden = page.document().selectFirst("input[name=_csrf]");
                if (hidden != null) {
                    csrfToken = hidden.attr("value");
                }
            }
            return page;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : base + path);
    }

    /** An answer: status, headers and the body parsed as HTML. */
    public record Page(HttpResponse<String> response) {

        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public Document document() {
            return Jsoup.parse(response.body());
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public List<String> headers(String name) {
            return response.headers().allValues(name);
        }

        public boolean isRedirect() {
            return status() == 302 || status() == 303;
        }

        public String location() {
            String location = header("Location");
            return location == null
                    ? null
                    : URI.create(location).getRawPath()
                            + (URI.create(location).getRawQuery() == null
                                    ? ""
                                    : "?" + URI.create(location).getRawQuery());
        }

        /** The visible text of the elements the selector finds. */
        public String text(String selector) {
            return document().select(selector).text();
        }
    }
}
