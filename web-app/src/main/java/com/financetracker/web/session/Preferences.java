package com.financetracker.web.session;

import java.util.List;
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

    /** The thresholds, in percent, a person may choose from (the Settings page lists them). */
    public static final List<Integer> SUGGESTION_THRESHOLDS = List.of(50, 60, 70, 80, 90, NEVER);

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
        if (!SUGGESTION_THRESHOLDS.contains(percent)) {
            throw new IllegalArgumentException("not one of the thresholds a person may choose: " + percent);
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
