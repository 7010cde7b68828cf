package com.financetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path data;

    @Test
    void keepsDataAcrossRestartsWithDurableSettings() throws Exception {
        int port = freePort();
        try (Database database = Database.start(data.resolve("pg"), port, data.resolve("logs/pg.log"))) {
            database.ensureDatabases(List.of("users", "expenses"));
            try (Connection connection = DriverManager.getConnection(database.jdbcUrl("users"), "postgres", "");
                    Statement statement = connection.createStatement()) {
                statement.execute("create table kept (value text)");
                statement.execute("insert into kept values ('still here')");
            }
        }

        try (Database database = Database.start(data.resolve("pg"), port, data.resolve("logs/pg.log"))) {
            database.ensureDatabases(List.of("users", "expenses"));
            try (Connection connection = DriverManager.getConnection(database.jdbcUrl("users"), "postgres", "");
                    Statement statement = connection.createStatement()) {
                assertThat(single(statement, "select value from kept")).isEqualTo("still here");
                assertThat(single(statement, "show fsync")).isEqualTo("on");
                assertThat(single(statement, "show synchronous_commit")).isEqualTo("on");
                assertThat(single(statement, "show listen_addresses")).isEqualTo("localhost");
            }
        }
    }

    @Test
    void aBusyPortIsExplained() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> Database.ensurePortFree(busy.getLocalPort()))
                    .isInstanceOf(StartupException.class)
                    .hasMessageContaining("Port " + busy.getLocalPort() + " is already in use");
        }
    }

    private static String single(Statement statement, String sql) throws Exception {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
