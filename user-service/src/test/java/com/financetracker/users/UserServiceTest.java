package com.financetracker.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.platform.test.ApiClient;
import com.financetracker.platform.test.ApiResponse;
import com.financetracker.platform.test.WithPostgres;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the user service's integration tests: the whole service on a random port over a fresh embedded PostgreSQL
 * database, called over HTTP. Subclasses share one running service.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "finance.users.admin.email=" + UserServiceTest.ADMIN_EMAIL,
            "finance.users.admin.password=" + UserServiceTest.ADMIN_PASSWORD,
            "finance.users.service-clients=expense-service:" + UserServiceTest.CLIENT_SECRET,
            "finance.users.throttle.address-failures=10000",
            "finance.users.throttle.registrations-per-address=100000",
            "finance.users.throttle.registrations=100000"
        })
@WithPostgres
public abstract class UserServiceTest {

    public static final String ADMIN_EMAIL = "admin@finance.test";
    public static final String ADMIN_PASSWORD = "admin-password-1";
    public static final String CLIENT_SECRET = "s3rvice-secret";
    public static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected ApiClient api;

    @BeforeEach
    void connect() {
        api = ApiClient.onPort(port);
    }

    /** A new, unique email. */
    protected static String newEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    protected ApiResponse register(String email, String password) {
        return api.post("/register")
                .json("{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password))
                .send();
    }

    protected ApiResponse login(String email, String password) {
        return api.post("/login")
                .json("{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password))
                .send();
    }

    /** Registers a user and logs in; returns the token response. */
    protected JsonNode newUserSession(String email) {
        assertThat(register(email, PASSWORD).status()).isEqualTo(201);
        ApiResponse response = login(email, PASSWORD);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    protected String accessToken(String email) {
        return newUserSession(email).path("access_token").asString();
    }

    protected String adminToken() {
        return login(ADMIN_EMAIL, ADMIN_PASSWORD).json().path("access_token").asString();
    }

    protected static void assertProblem(ApiResponse response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asString()).isEqualTo("urn:finance-tracker:problem:" + type);
        assertThat(response.json().path("detail").asString()).isNotBlank();
    }

    /** The claims of an access token, read without checking its signature. */
    protected static JsonNode claimsOf(String jwt) {
        String payload = jwt.split("\\.")[1];
        return JsonMapper.builder().build().readTree(Base64.getUrlDecoder().decode(payload));
    }
}
