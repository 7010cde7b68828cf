package com.financetracker.analytics.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.analytics.AnalyticsServiceTest;
import com.financetracker.platform.test.ApiResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dashboard works offline: the page, its script and the chart library all come from this service. */
class DashboardTest extends AnalyticsServiceTest {

    @Test
    void servesThePageWithoutALogin() {
        ApiResponse page = api.get("/").send();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("Administrator login").doesNotContain("https://");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'");
    }

    @Test
    void servesItsScriptsStylesAndTheChartLibrary() {
        assertThat(api.get("/dashboard/app.js").send().status()).isEqualTo(200);
        assertThat(api.get("/dashboard/app.css").send().status()).isEqualTo(200);
        ApiResponse chart = api.get("/webjars/chart.js/dist/chart.umd.js").send();
        assertThat(chart.status()).isEqualTo(200);
        assertThat(chart.body()).contains("Chart");
    }

    @Test
    void thePageCallsOnlyTheOriginItCameFrom() {
        ApiResponse page = api.get("/").send();

        assertThat(page.header("Content-Security-Policy"))
                .contains("default-src 'self'")
                .doesNotContain("connect-src")
                .doesNotContain("http");
    }

    /**
     * The policy is on every response, not only on the page's own route: the same page reached under another path
     * (served as a static file, {@code /index.html/}), its script and style, the chart library and the errors.
     */
    @Test
    void everyPathOfTheDashboardCarriesThePolicy() {
        for (String path : List.of(
                "/",
                "/index.html",
                "/index.html/",
                "/dashboard/app.js",
                "/dashboard/app.css",
                "/webjars/chart.js/dist/chart.umd.js",
                "/no-such-page")) {
            ApiResponse response = api.get(path).header("Accept", "*/*").send();

            assertThat(response.header("Content-Security-Policy"))
                    .as(path + " (" + response.status() + ")")
                    .isEqualTo(DashboardSecurityHeaders.CONTENT_SECURITY_POLICY);
        }
    }

    @Test
    void loginGoesThroughThisServiceAndSaysWhenTheUserServiceIsDown() {
        ApiResponse login = api.post("/dashboard/login")
                .json("{\"email\":\"admin@example.com\",\"password\":\"whatever-it-is\"}")
                .send();

        assertThat(login.status()).isEqualTo(503);
        assertThat(login.contentType()).startsWith("application/problem+json");
        assertThat(login.json().path("detail").asString()).contains("user service cannot be reached");
    }
}
