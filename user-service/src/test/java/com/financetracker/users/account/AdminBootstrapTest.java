package com.financetracker.users.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.platform.test.ApiClient;
import com.financetracker.platform.test.ApiResponse;
import com.financetracker.platform.test.WithPostgres;
import com.financetracker.users.config.UserServiceProperties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Whoever registers the configured administrator's email first must not become an administrator. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "finance.users.admin.email=" + AdminBootstrapTest.CONFIGURED_ADMIN,
            "finance.users.admin.password=configured-password-1"
        })
@WithPostgres
class AdminBootstrapTest {

    static final String CONFIGURED_ADMIN = "bootstrap-admin@finance.test";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserRepository users;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    UserServiceProperties properties;

    @Test
    void anExistingAccountWithTheConfiguredEmailIsNeverMadeAdministrator() {
        jdbc.sql("update users set roles = array['USER']").update();
        String squatter = "squatter-" + UUID.randomUUID() + "@example.com";
        assertThat(register(squatter).status()).isEqualTo(201);

        bootstrapWith(squatter).run(null);

        assertThat(rolesOf(squatter)).isEqualTo("{USER}");
        assertThat(administrators()).isZero();
    }

    @Test
    void theConfiguredEmailCannotBeRegisteredBeforeTheAdministratorIsCreated() {
        jdbc.sql("delete from users where email = :email")
                .param("email", CONFIGURED_ADMIN)
                .update();

        ApiResponse response = register(CONFIGURED_ADMIN.toUpperCase());

        assertThat(response.status()).as(response.body()).isEqualTo(409);
        assertThat(response.json().path("type").asString()).isEqualTo("urn:finance-tracker:problem:email-taken");
        assertThat(jdbc.sql("select count(*) from users where email = :email")
                        .param("email", CONFIGURED_ADMIN)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void noSecondAdministratorIsCreatedWhenOneExists() {
        jdbc.sql("update users set roles = array['USER','ADMIN'] where email = :email")
                .param("email", CONFIGURED_ADMIN)
                .update();
        jdbc.sql("insert into users (email, display_name, password_hash, roles)"
                        + " values (:email, 'boss', 'x', array['USER','ADMIN']) on conflict do nothing")
                .param("email", "existing-admin-" + UUID.randomUUID() + "@example.com")
                .update();
        String other = "other-admin-" + UUID.randomUUID() + "@example.com";

        bootstrapWith(other).run(null);

        assertThat(jdbc.sql("select count(*) from users where email = :email")
                        .param("email", other)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private AdminBootstrap bootstrapWith(String email) {
        UserServiceProperties configured = new UserServiceProperties(
                properties.accessTokenTtl(),
                properties.refreshTokenTtl(),
                new UserServiceProperties.Admin(email, "configured-password-1"),
                properties.signingKey(),
                properties.serviceClients(),
                properties.throttle(),
                properties.hashing(),
                properties.sessionLifetime());
        return new AdminBootstrap(configured, users, passwords);
    }

    private ApiResponse register(String email) {
        return ApiClient.onPort(port)
                .post("/register")
                .json("{\"email\":\"%s\",\"password\":\"a long password 1\"}".formatted(email))
                .send();
    }

    private String rolesOf(String email) {
        return jdbc.sql("select roles::text from users where email = :email")
                .param("email", email)
                .query(String.class)
                .single();
    }

    private long administrators() {
        return jdbc.sql("select count(*) from users where 'ADMIN' = any(roles)")
                .query(Long.class)
                .single();
    }
}
