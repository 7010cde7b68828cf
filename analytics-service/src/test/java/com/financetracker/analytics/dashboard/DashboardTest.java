package com.financetracker.analytics.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.analytics.AnalyticsServiceTest;
import com.financetracker.platform.test.ApiResponse;
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
