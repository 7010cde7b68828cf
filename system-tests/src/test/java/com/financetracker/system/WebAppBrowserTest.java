package com.financetracker.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.launcher.IsolatedStack;
import com.financetracker.launcher.Topology;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web app in a real browser (Debian's Chromium driven by playwright-core, see {@code browser/webapp.mjs}) over
 * the real user, expense and analytics services: a person's whole journey on a desktop, on a 375 px phone and in dark
 * mode, with axe-core on every page and a screenshot of every page under {@code target/screenshots/}.
 */
class WebAppBrowserTest {

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
                .as("playwright-core is needed for the browser test: npm ci in system-tests/browser")
                .exists();
        assertThat(BROWSER.resolve("node_modules/axe-core"))
                .as("axe-core is needed for the browser test: npm ci in system-tests/browser")
                .exists();
        stack = SystemStack.start(
                Map.of(),
                Topology.USER_SERVICE,
                Topology.EXPENSE_SERVICE,
                Topology.ANALYTICS_SERVICE,
                Topology.INSIGHTS_SERVICE,
                Topology.WEB_APP);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aPersonGoesThroughTheWholeJourneyOnADesktopAPhoneAndInDarkMode() throws Exception {
        Path screenshots = Path.of("target/screenshots").toAbsolutePath();
        Path output = Files.createTempFile("webapp", ".log");
        ProcessBuilder node = new ProcessBuilder("node", "webapp.mjs")
                .directory(BROWSER.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        node.environment()
                .putAll(Map.of(
                        "WEB_URL",
                        stack.url(Topology.WEB_APP),
                        "ADMIN_EMAIL",
                        stack.credentials().adminEmail(),
                        "ADMIN_PASSWORD",
                        stack.credentials().adminPassword(),
                        "SCREENSHOTS",
                        screenshots.toString(),
                        "CHROMIUM",
                        CHROMIUM.toString()));
        Process process = node.start();
        boolean finished = process.waitFor(8, TimeUnit.MINUTES);
        String log = Files.readString(output, StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }

        assertThat(finished).as("the browser test finished in time:\n" + log).isTrue();
        assertThat(process.exitValue()).as(log).isZero();
        for (String run : new String[] {"desktop", "phone", "dark"}) {
            assertThat(log)
                    .contains("ok - " + run + ": quick add saves without a page load")
                    .contains("ok - " + run + ": undo restores the deleted expense")
                    .contains("ok - " + run + ": the dry run reports 1 bad line")
                    .contains("ok - " + run + ": the deleted account can no longer log in")
                    .contains("ok - " + run + ": no script error");
            assertThat(screenshots.resolve(run + "-home.png")).exists();
            assertThat(screenshots.resolve(run + "-expenses.png")).exists();
        }
        assertThat(log).contains("ok - desktop: administrators find the usage dashboard");
        assertThat(screenshots.resolve("desktop-admin-users.png")).exists();
    }
}
