package com.financetracker.insights.alert;

import com.financetracker.insights.account.UserDataOwner;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The alerts each person dismissed. */
@Repository
class DismissedAlertRepository implements UserDataOwner {

    private final JdbcClient jdbc;

    DismissedAlertRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Set<UUID> dismissed(UUID userId) {
        return jdbc
                .sql("select alert_id from dismissed_alerts where user_id = :user")
                .param("user", userId)
                .query(UUID.class)
                .stream()
                .collect(Collectors.toSet());
    }

    void dismiss(UUID userId, UUID alertId) {
        jdbc.sql("insert into dismissed_alerts (user_id, alert_id) values (:user, :alert) on conflict do nothing")
                .param("user", userId)
                .param("alert", alertId)
                .update();
    }

    @Override
    public int deleteAll(UUID userId) {
        return jdbc.sql("delete from dismissed_alerts where user_id = :user")
                .param("user", userId)
                .update();
    }
}
