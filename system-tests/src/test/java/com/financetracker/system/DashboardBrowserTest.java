package com.financetracker.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.financetracker.launcher.IsolatedStack;
import com.financetracker.launcher.Topology;
import com.financetracker.platform.test.ApiClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in a real browser (Debian's Chromium driven by playwright-core, see {@code browser/dashboard.mjs}),
 * opened as http://127.0.0.1 rather than localhost: an administrator logs in (through the analytics service, which
 * passes the login on to the user service) and sees the table and the charts with real data; a non-admin
 * account, a wrong password and an expired session get clear messages. {@code ./finance-tracker test} installs the
 * browser and the driver.
 */
class DashboardBrowserTest {

    static final Path BROWSER =
            Path.of(System.getProperty("finance.home", "..")).resolve("system-tests/browser");
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    static IsolatedStack stack;

    @BeforeAll
    static void start() {
        assertThat(CHROMIUM)
                .as("Chromium is needed for the browser test: run ./finance-tracker test, which installs it"
                        + " (apt-get install chromium)")
                .exists();
        assertThat(BROWSER.resolve("node_modules/playwright-core"))
                .as("playwright-core is needed for the browser test: run ./finance-tracker test, which installs it"
                        + " (npm ci in system-tests/browser)")
                .exists();
        stack = SystemStack.start(
                Map.of("FINANCE_USAGE_FLUSHINTERVAL", "1s"),
                Topology.USER_SERVICE,
                Topology.EXPENSE_SERVICE,
                Topology.ANALYTICS_SERVICE);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void anAdministratorSeesTheStatisticsAndOthersAreToldWhyNot() throws Exception {
        ApiClient users = new ApiClient(stack.url(Topology.USER_SERVICE));
        ApiClient expenses = new ApiClient(stack.url(Topology.EXPENSE_SERVICE));
        ApiClient analytics = new ApiClient(stack.url(Topology.ANALYTICS_SERVICE));
        String userEmail = "viewer-" + UUID.randomUUID() + "@example.com";
        users.post("/register")
                .json("{\"email\":\"%s\",\"password\":\"viewer-password\"}".formatted(userEmail))
                .send();
        String token = SystemStack.newUser(users, "spender");
        for (int i = 1; i <= 5; i++) {
            SystemStack.createExpense(expenses, token, i);
            expenses.get("/expenses").bearer(token).send();
        }
        String admin = SystemStack.adminToken(stack, users);
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        analytics.get("/analytics").bearer(admin).send().body().contains("\"/expenses\""));

        Path screenshots = Path.of("target/screenshots").toAbsolutePath();
        Path output = Files.createTempFile("dashboard", ".log");
        ProcessBuilder node = new ProcessBuilder("node", "dashboard.mjs")
                .directory(BROWSER.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        node.environment()
                .putAll(Map.of(
                        // not the localhost the services know each other by: the page must work under any host name
                        "DASHBOARD_URL",
                        analytics.baseUrl().replace("localhost", "127.0.0.1") + "/",
                        "ADMIN_EMAIL",
                        stack.credentials().adminEmail(),
                        "ADMIN_PASSWORD",
                        stack.credentials().adminPassword(),
                        "USER_EMAIL",
                        userEmail,
                        "USER_PASSWORD",
                        "viewer-password",
                        "EXPECT_ROUTE",
                        "/expenses",
                        "SCREENSHOTS",
                        screenshots.toString(),
                        "CHROMIUM",
                        CHROMIUM.toString()));
        Process process = node.start();
        boolean finished = process.waitFor(3, TimeUnit.MINUTES);
        String log = read(output);
        if (!finished) {
            process.destroyForcibly();
        }

        assertThat(finished).as("the browser test finished in time:\n" + log).isTrue();
        assertThat(process.exitValue()).as(log).isZero();
        assertThat(log)
                .contains("ok - a wrong password is explained")
                .contains("ok - a non-admin account is told it is not an administrator")
                .contains("ok - the administrator sees the endpoints table")
                .contains("ok - the requests chart plots requests")
                .contains("ok - an expired session asks to log in again");
        assertThat(screenshots.resolve("dashboard.png")).exists();
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
