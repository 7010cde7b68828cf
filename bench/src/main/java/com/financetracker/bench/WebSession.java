package com.financetracker.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Logs in to the web app as a browser does (the login page's CSRF token, then the form) for a session cookie. */
final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String COOKIE = "FT_SESSION";

    private WebSession() {}

    /** The {@code Cookie} header of a signed-in session, checked to open Home. */
    static String logIn(String web, String email, String password) throws IOException, InterruptedException {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        String page = http.send(
                        HttpRequest.newBuilder(URI.create(web + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = CSRF.matcher(page);
        if (!csrf.find()) {
            throw new IOException("the login page of " + web + " has no CSRF token");
        }
        String form = "email=" + encode(email) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
        HttpResponse<Void> login = http.send(
                HttpRequest.newBuilder(URI.create(web + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        HttpCookie session = cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(COOKIE))
                .findFirst()
                .orElseThrow(() -> new IOException("the web app set no session cookie (login: " + login.statusCode()));
        String header = COOKIE + "=" + session.getValue();
        // a session that does not open Home would be measured as fast redirects to the login page
        HttpResponse<String> home = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(web + "/"))
                                .header("Cookie", header)
                                .header("Accept", "text/html")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (home.statusCode() != 200 || !home.body().contains("Quick add")) {
            throw new IOException("the web app's session does not open Home (" + home.statusCode() + ")");
        }
        return header;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
