package com.financetracker.insights.suggestion;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each person's trained model, with its version (how many times it was trained) and what it was trained on. */
@Repository
class ModelRepository {

    private final JdbcClient jdbc;

    ModelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The version of a person's model and the newest expense it saw, without the model itself. */
    Optional<ModelStamp> stamp(UUID userId) {
        return jdbc.sql("select version, trained_at from models where user_id = :user")
                .param("user", userId)
                .query((rs, row) -> new ModelStamp(
                        rs.getInt("version"), rs.getTimestamp("trained_at").toInstant()))
                .optional();
    }

    Optional<byte[]> model(UUID userId, int version) {
        return jdbc.sql("select model from models where user_id = :user and version = :version")
                .param("user", userId)
                .param("version", version)
                .query(byte[].class)
                .optional();
    }

    /** Stores a newly trained model as the next version; the version stored. */
    int save(UUID userId, byte[] model, int examples, Instant trainedThrough) {
        return jdbc.sql("""
                        insert into models (user_id, version, examples, trained_at, model)
                        values (:user, 1, :examples, :trainedAt, :model)
                        on conflict (user_id) do update
                           set version = models.version + 1, examples = excluded.examples,
                               trained_at = excluded.trained_at, model = excluded.model
                        returning version
                        """)
                .param("user", userId)
                .param("examples", examples)
                .param("trainedAt", Timestamp.from(trainedThrough))
                .param("model", model)
                .query(Integer.class)
                .single();
    }

    int delete(UUID userId) {
        return jdbc.sql("delete from models where user_id = :user")
                .param("user", userId)
                .update();
    }

    /**
     * @param version how many times the model was trained
     * @param trainedThrough when the newest expense it was trained on was recorded here
     */
    record ModelStamp(int version, Instant trainedThrough) {}
}
