package com.financetracker.web.imports;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * CSV files between their dry run and the person's confirmation, in the web app's database so that the confirmation
 * may reach another replica. Each belongs to the session that uploaded it.
 */
@Repository
class PendingImports {

    private static final Duration KEPT = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final Clock clock;

    PendingImports(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    UUID keep(UUID tokensId, String fileName, byte[] content) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into pending_imports (id, tokens_id, file_name, content, created_at)
                        values (:id, :tokensId, :fileName, :content, :now)
                        """)
                .param("id", id)
                .param("tokensId", tokensId)
                .param("fileName", fileName)
                .param("content", content)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return id;
    }

    /** The file, when it exists and belongs to the session. */
    Optional<Pending> find(UUID id, UUID tokensId) {
        return jdbc.sql("""
                        select file_name, content from pending_imports
                         where id = :id and tokens_id = :tokensId and created_at > :since
                        """)
                .param("id", id)
                .param("tokensId", tokensId)
                .param("since", Timestamp.from(clock.instant().minus(KEPT)))
                .query((row, n) -> new Pending(id, row.getString("file_name"), row.getBytes("content")))
                .optional();
    }

    void remove(UUID id) {
        jdbc.sql("delete from pending_imports where id = :id").param("id", id).update();
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT2M")
    void deleteOld() {
        jdbc.sql("delete from pending_imports where created_at < :before")
                .param("before", Timestamp.from(clock.instant().minus(KEPT)))
                .update();
    }

    record Pending(UUID id, String fileName, byte[] content) {}
}
