package com.financetracker.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.platform.test.WithPostgres;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the web app's tests: the whole web app on a random port with its sessions in a fresh embedded PostgreSQL
 * database, the services it calls replaced by {@link FakeServices} that each test can make fail, and a {@link
 * Browser} that keeps cookies and CSRF tokens. Each test signs up a new person.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPostgres
public abstract class WebAppTest {

    protected static final FakeServices SERVICES = new FakeServices();
    protected static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected Browser browser;
    protected String email;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("finance.webapp.users-url", SERVICES.users::url);
        registry.add("finance.webapp.expenses-url", SERVICES.expenses::url);
        registry.add("finance.webapp.analytics-url", SERVICES.analytics::url);
        registry.add("finance.webapp.insights-url", SERVICES.insights::url);
        registry.add("finance.usage.enabled", () -> "false");
    }

    @BeforeEach
    void newPerson() {
        SERVICES.resetFailures();
        browser = new Browser(port);
        email = "person-" + UUID.randomUUID() + "@example.com";
    }

    @AfterEach
    void servicesUp() {
        SERVICES.resetFailures();
    }

    /** Signs up a new person and asserts that they land on the home page. */
    protected void signedIn() {
        Browser.Page page = browser.signUp(email, PASSWORD);
        assertThat(page.status()).as(page.body()).isEqualTo(302);
        assertThat(page.location()).isEqualTo("/");
    }

    protected FakeServices.Account account() {
        return SERVICES.accountOf(email);
    }
}
