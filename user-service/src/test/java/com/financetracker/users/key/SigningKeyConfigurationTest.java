package com.financetracker.users.key;

import static org.assertj.core.api.Assertions.assertThat;

import com.financetracker.platform.test.ApiClient;
import com.financetracker.platform.test.EmbeddedPostgresServer;
import com.financetracker.users.UserServiceApplication;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Where the signing key comes from: a configured PEM, or the database with rotation. */
class SigningKeyConfigurationTest {

    @Test
    void configuredPemSignsAndRetiredKeysStayPublished() throws Exception {
        KeyPair current = rsa();
        KeyPair retired = rsa();

        try (ConfigurableApplicationContext service = start(
                "--finance.users.signing-key.pem="
                        + pem("PRIVATE KEY", current.getPrivate().getEncoded()),
                "--finance.users.signing-key.retired-public-pems="
                        + pem("PUBLIC KEY", retired.getPublic().getEncoded()))) {
            JsonNode keys = jwks(service);

            assertThat(keys.size()).isEqualTo(2);
            String email = "pem-" + System.nanoTime() + "@example.com";
            ApiClient api = api(service);
            api.post("/register")
                    .json("{\"email\":\"%s\",\"password\":\"password-123\"}".formatted(email))
                    .send();
            String token = api.post("/login")
                    .json("{\"email\":\"%s\",\"password\":\"password-123\"}".formatted(email))
                    .send()
                    .json()
                    .path("access_token")
                    .asString();
            String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]));
            assertThat(header).contains(keys.get(0).path("kid").asString());
            assertThat(api.get("/users/me").bearer(token).send().status()).isEqualTo(200);
            assertThat(JdbcClient.create(service.getBean(javax.sql.DataSource.class))
                            .sql("select count(*) from signing_keys")
                            .query(Integer.class)
                            .single())
                    .isZero();
        }
    }

    @Test
    void storedKeyIsReplacedAfterTheRotationIntervalAndStillPublished() {
        String database = EmbeddedPostgresServer.createDatabase();
        String firstKid;
        try (ConfigurableApplicationContext first = start("--spring.datasource.url=" + database)) {
            firstKid = jwks(first).get(0).path("kid").asString();
            JdbcClient.create(first.getBean(javax.sql.DataSource.class))
                    .sql("update signing_keys set created_at = now() - interval '31 days'")
                    .update();
        }

        try (ConfigurableApplicationContext second = start("--spring.datasource.url=" + database)) {
            JsonNode keys = jwks(second);

            assertThat(keys.size()).isEqualTo(2);
            assertThat(keys.get(0).path("kid").asString()).isNotEqualTo(firstKid);
            assertThat(keys.get(1).path("kid").asString()).isEqualTo(firstKid);
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--server.port=0");
        all.add("--spring.datasource.username=postgres");
        if (all.stream().noneMatch(arg -> arg.startsWith("--spring.datasource.url="))) {
            all.add("--spring.datasource.url=" + EmbeddedPostgresServer.createDatabase());
        }
        return new SpringApplication(UserServiceApplication.class).run(all.toArray(String[]::new));
    }

    private static ApiClient api(ConfigurableApplicationContext service) {
        return ApiClient.onPort(service.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }

    private static JsonNode jwks(ConfigurableApplicationContext service) {
        return api(service).get("/.well-known/jwks.json").send().json().path("keys");
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + type
                + "-----\n";
    }
}
