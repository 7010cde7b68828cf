package com.financetracker.users.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.financetracker.platform.test.ApiClient;
import com.financetracker.platform.test.EmbeddedPostgresServer;
import com.financetracker.users.UserServiceApplication;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;

/**
 * The signing key kept in the database is wrapped with the configured key-encryption key, so that the database alone
 * (a backup) cannot sign tokens; keys stored unwrapped before are wrapped at start without ending anything, and a
 * key-encryption key that cannot unwrap the stored key stops the start with the reason.
 */
@ExtendWith(OutputCaptureExtension.class)
class SigningKeyEncryptionTest {

    @Test
    void theStoredPrivateKeyIsWrappedNotPlain() throws Exception {
        String kek = newKeyEncryptionKey();
        String database = EmbeddedPostgresServer.createDatabase();
        try (ConfigurableApplicationContext service = start(database, kek)) {
            var signing = service.getBean(SigningKeys.class).signingKey();
            byte[] plain = signing.toRSAPrivateKey().getEncoded();
            byte[] privateExponent = signing.getPrivateExponent().decode();
            Map<String, Object> row = jdbc(service)
                    .sql("select kid, private_key, wrapped_with from signing_keys")
                    .query()
                    .singleRow();
            byte[] stored = (byte[]) row.get("private_key");

            assertThat(row.get("kid")).isEqualTo(signing.getKeyID());
            assertThatThrownBy(() -> RsaKeys.fromDer(stored)).isInstanceOf(IllegalArgumentException.class);
            assertThat(contains(stored, plain)).as("the PKCS#8 key in the row").isFalse();
            assertThat(contains(stored, privateExponent))
                    .as("the private exponent in the row")
                    .isFalse();
            KeyEncryptionKey key = KeyEncryptionKey.parse(kek);
            assertThat(row.get("wrapped_with")).isEqualTo(key.id());
            assertThat(key.unwrap(stored, signing.getKeyID())).isEqualTo(plain);
            // the key id is bound: the wrapped key copied to another row does not unwrap there
            assertThatThrownBy(() -> key.unwrap(stored, "another-kid")).isInstanceOf(GeneralSecurityException.class);
            assertThatThrownBy(
                            () -> KeyEncryptionKey.parse(newKeyEncryptionKey()).unwrap(stored, signing.getKeyID()))
                    .isInstanceOf(GeneralSecurityException.class);
        }
    }

    @Test
    void aKeyStoredUnwrappedBeforeIsWrappedAtStartAndTheTokensItSignedStayValid() {
        String kek = newKeyEncryptionKey();
        String database = EmbeddedPostgresServer.createDatabase();
        String kid;
        byte[] plain;
        JsonNode session;
        try (ConfigurableApplicationContext before = start(database, kek)) {
            session = newSession(api(before));
            kid = jwks(before).get(0).path("kid").asString();
            plain = plainPrivateKey(before);
            // The database as the versions before the key-encryption key left it: the private key stored as it is,
            // and the schema before V4.
            JdbcClient jdbc = jdbc(before);
            jdbc.sql("update signing_keys set private_key = :plain")
                    .param("plain", plain)
                    .update();
            jdbc.sql("alter table signing_keys drop column if exists wrapped_with")
                    .update();
            jdbc.sql("delete from flyway_schema_history where version = '4'").update();
        }

        try (ConfigurableApplicationContext after = start(database, kek)) {
            ApiClient api = api(after);
            byte[] stored = jdbc(after)
                    .sql("select private_key from signing_keys where kid = :kid")
                    .param("kid", kid)
                    .query(byte[].class)
                    .single();

            assertThat(contains(stored, plain)).as("the PKCS#8 key in the row").isFalse();
            assertThat(jdbc(after)
                            .sql("select wrapped_with from signing_keys where kid = :kid")
                            .param("kid", kid)
                            .query(String.class)
                            .single())
                    .isEqualTo(KeyEncryptionKey.parse(kek).id());
            assertThat(jwks(after).get(0).path("kid").asString()).isEqualTo(kid);
            assertThat(after.getBean(SigningKeys.class).signingKey().getKeyID()).isEqualTo(kid);
            assertThat(api.get("/users/me")
                            .bearer(session.path("access_token").asString())
                            .send()
                            .status())
                    .isEqualTo(200);
            assertThat(api.post("/token/refresh")
                            .json("{\"refresh_token\":\"%s\"}"
                                    .formatted(session.path("refresh_token").asString()))
                            .send()
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void aKeyEncryptionKeyThatCannotUnwrapTheStoredKeyStopsTheStartWithTheReason(CapturedOutput output) {
        String database = EmbeddedPostgresServer.createDatabase();
        String right = newKeyEncryptionKey();
        String wrong = newKeyEncryptionKey();
        byte[] storedBefore;
        try (ConfigurableApplicationContext service = start(database, right)) {
            storedBefore = jdbc(service)
                    .sql("select private_key from signing_keys")
                    .query(byte[].class)
                    .single();
        }

        Throwable failure = catchThrowable(() -> start(database, wrong).close());

        SigningKeyUnavailableException reason =
                NestedExceptionUtils.getMostSpecificCause(failure) instanceof SigningKeyUnavailableException unavailable
                        ? unavailable
                        : null;
        assertThat(reason).as("the cause of %s", failure).isNotNull();
        assertThat(reason.getMessage())
                .contains("FINANCE_SIGNING_KEY_ENCRYPTION_KEY")
                .contains(KeyEncryptionKey.parse(right).id())
                .contains(KeyEncryptionKey.parse(wrong).id())
                .doesNotContain("\n");
        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains(reason.getMessage())
                .contains("FINANCE_SIGNING_KEY_PREVIOUS_ENCRYPTION_KEYS")
                .doesNotContain("Application run failed");
        // nothing was replaced: the key stays, wrapped as it was, and no other was generated
        JdbcClient jdbc = JdbcClient.create(dataSource(database));
        assertThat(jdbc.sql("select private_key from signing_keys")
                        .query(byte[].class)
                        .list())
                .containsExactly(storedBefore);
    }

    @Test
    void anAlteredWrappedKeyStopsTheStartWithTheReason(CapturedOutput output) {
        String database = EmbeddedPostgresServer.createDatabase();
        String kek = newKeyEncryptionKey();
        start(database, kek).close();
        JdbcClient.create(dataSource(database))
                .sql("update signing_keys set private_key = set_byte(private_key, 40, get_byte(private_key, 40) # 1)")
                .update();

        Throwable failure = catchThrowable(() -> start(database, kek).close());

        assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
                .isInstanceOf(SigningKeyUnavailableException.class)
                .hasMessageContaining("altered or damaged");
        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("altered or damaged")
                .doesNotContain("Application run failed");
        assertThat(JdbcClient.create(dataSource(database))
                        .sql("select count(*) from signing_keys")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aPreviousKeyEncryptionKeyHandsTheStoredKeysOverToANewOne() {
        String database = EmbeddedPostgresServer.createDatabase();
        String old = newKeyEncryptionKey();
        String current = newKeyEncryptionKey();
        String token;
        String kid;
        try (ConfigurableApplicationContext service = start(database, old)) {
            token = newSession(api(service)).path("access_token").asString();
            kid = jwks(service).get(0).path("kid").asString();
        }

        try (ConfigurableApplicationContext service =
                start(database, current, "--finance.users.signing-key.previous-encryption-keys=" + old)) {
            assertThat(jdbc(service)
                            .sql("select wrapped_with from signing_keys")
                            .query(String.class)
                            .single())
                    .isEqualTo(KeyEncryptionKey.parse(current).id());
        }
        try (ConfigurableApplicationContext service = start(database, current)) {
            assertThat(jwks(service).get(0).path("kid").asString()).isEqualTo(kid);
            assertThat(api(service).get("/users/me").bearer(token).send().status())
                    .isEqualTo(200);
        }
    }

    @Test
    void aStoredKeyNeedsAKeyEncryptionKeyOfThirtyTwoBytes() {
        for (String kek : List.of("", "not-base64!", Base64.getEncoder().encodeToString(new byte[16]))) {
            Throwable failure = catchThrowable(
                    () -> start(EmbeddedPostgresServer.createDatabase(), kek).close());

            assertThat(failure).as("FINANCE_SIGNING_KEY_ENCRYPTION_KEY=%s", kek).isNotNull();
            assertThat(NestedExceptionUtils.getMostSpecificCause(failure).getMessage())
                    .as("FINANCE_SIGNING_KEY_ENCRYPTION_KEY=%s", kek)
                    .contains("FINANCE_SIGNING_KEY_ENCRYPTION_KEY");
        }
    }

    private static ConfigurableApplicationContext start(String database, String kek, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=postgres",
                "--finance.users.signing-key.encryption-key=" + kek));
        args.addAll(List.of(more));
        return new SpringApplication(UserServiceApplication.class).run(args.toArray(String[]::new));
    }

    private static String newKeyEncryptionKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static byte[] plainPrivateKey(ConfigurableApplicationContext service) {
        try {
            return service.getBean(SigningKeys.class)
                    .signingKey()
                    .toRSAPrivateKey()
                    .getEncoded();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode newSession(ApiClient api) {
        String email = "kek-" + System.nanoTime() + "@example.com";
        String body = "{\"email\":\"%s\",\"password\":\"password-123\"}".formatted(email);
        assertThat(api.post("/register").json(body).send().status()).isEqualTo(201);
        return api.post("/login").json(body).send().json();
    }

    private static ApiClient api(ConfigurableApplicationContext service) {
        return ApiClient.onPort(service.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }

    private static JsonNode jwks(ConfigurableApplicationContext service) {
        return api(service).get("/.well-known/jwks.json").send().json().path("keys");
    }

    private static JdbcClient jdbc(ConfigurableApplicationContext service) {
        return JdbcClient.create(service.getBean(DataSource.class));
    }

    private static DataSource dataSource(String url) {
        return new DriverManagerDataSource(url, "postgres", "");
    }

    /** Whether the bytes hold the other bytes anywhere, in a row. */
    private static boolean contains(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
