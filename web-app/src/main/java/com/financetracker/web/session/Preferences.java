package com.financetracker.web.session;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What each person chose about the pages themselves, kept until they delete their account. */
@Service
public class Preferences {

    /** Quick add pre-selects a suggested category from this confidence on, unless the person chose otherwise. */
    public static final int DEFAULT_SUGGESTION_THRESHOLD = 60;

    /** A threshold no confidence reaches: suggestions are shown but never pre-selected. */
    public static final int NEVER = 101;

    private final JdbcClient jdbc;

    Preferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The confidence, in percent, from which quick add pre-selects a suggested category. */
    public int suggestionThreshold(UUID userId) {
        return jdbc.sql("select suggestion_threshold from preferences where user_id = :user")
                .param("user", userId)
                .query(Integer.class)
                .optional()
                .orElse(DEFAULT_SUGGESTION_THRESHOLD);
    }

    public void setSuggestionThreshold(UUID userId, int percent) {
        if (percent < 0 || percent > NEVER) {
            throw new IllegalArgumentException("a threshold is 0 to 101 percent, not " + percent);
        }
        jdbc.sql("""
                        insert into preferences (user_id, suggestion_threshold) values (:user, :percent)
                        on conflict (user_id) do update set suggestion_threshold = excluded.suggestion_threshold
                        """).param("user", userId).param("percent", percent).update();
    }

    int removeAll(UUID userId) {
        return jdbc.sql("delete from preferences where user_id = :user")
                .param("user", userId)
                .update();
    }
}
