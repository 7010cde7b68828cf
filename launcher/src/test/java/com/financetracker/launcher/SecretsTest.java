package com.financetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {

    @TempDir
    Path data;

    @Test
    void generatesOnceAndKeepsThemPrivate() throws Exception {
        Secrets first = Secrets.load(data);
        String password = first.getOrGenerate("admin.password");
        first.save();

        Secrets second = Secrets.load(data);

        assertThat(second.has("admin.password")).isTrue();
        assertThat(second.getOrGenerate("admin.password")).isEqualTo(password);
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("secrets.properties"))))
                .isEqualTo("rw-------");
    }

    @Test
    void theSigningKeysEncryptionKeyIsGeneratedOnceIntoTheFileAndGivenToTheUserServiceAlone() throws Exception {
        // a secrets file from before the key-encryption key: it gets one, and keeps the rest
        Files.writeString(data.resolve("secrets.properties"), "admin.password=kept-password\n");
        Topology topology = Topology.standard(data);
        Secrets first = Secrets.load(data);
        Topology.Credentials credentials = first.credentials(topology.clients(), "admin@finance.local", null);
        first.save();

        Properties file = new Properties();
        try (Reader reader = Files.newBufferedReader(data.resolve("secrets.properties"))) {
            file.load(reader);
        }
        String key = file.getProperty("signing-key.encryption-key");
        assertThat(key).isNotNull().isEqualTo(credentials.signingKeyEncryptionKey());
        assertThat(Base64.getDecoder().decode(key)).hasSize(32);
        assertThat(credentials.adminPassword()).isEqualTo("kept-password");
        assertThat(Secrets.load(data)
                        .credentials(topology.clients(), "admin@finance.local", null)
                        .signingKeyEncryptionKey())
                .isEqualTo(key);

        for (ServiceSpec spec : topology.services()) {
            Map<String, String> environment =
                    topology.environment(spec, "jdbc:postgresql://localhost/db", credentials, null);
            if (spec.name().equals(Topology.USER_SERVICE)) {
                assertThat(environment).containsEntry("FINANCE_SIGNING_KEY_ENCRYPTION_KEY", key);
            } else {
                assertThat(environment).as(spec.name()).doesNotContainValue(key);
            }
        }
    }

    @Test
    void settingsComeFromTheEnvironment() {
        Settings settings = Settings.fromEnvironment(
                java.util.Map.of("FINANCE_DATA_DIR", data.toString(), "FINANCE_DB_PORT", "6543"),
                Path.of("."),
                false,
                false);

        assertThat(settings.dataDirectory()).isEqualTo(data);
        assertThat(settings.databasePort()).isEqualTo(6543);
        assertThat(settings.adminEmail()).isEqualTo("admin@finance.local");
        assertThat(settings.adminPassword()).isNull();
    }
}
