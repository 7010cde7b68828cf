package com.financetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
