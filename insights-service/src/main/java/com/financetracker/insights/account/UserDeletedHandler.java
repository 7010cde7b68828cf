package com.financetracker.insights.account;

import com.financetracker.contracts.UserDeleted;
import com.financetracker.platform.events.EventEnvelope;
import com.financetracker.platform.events.EventHandler;
import com.financetracker.platform.events.EventType;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes everything this service holds about a person when the user service deletes their account: their copy of
 * the expenses, their model, their dismissed alerts. Events about them that arrive later are ignored.
 */
@Component
class UserDeletedHandler implements EventHandler<UserDeleted> {

    private static final Logger log = LoggerFactory.getLogger(UserDeletedHandler.class);

    private final List<UserDataOwner> owners;

    UserDeletedHandler(List<UserDataOwner> owners) {
        this.owners = owners;
    }

    @Override
    public EventType<UserDeleted> type() {
        return UserDeleted.TYPE;
    }

    @Override
    public void handle(UserDeleted deleted, EventEnvelope event) {
        int rows = owners.stream()
                .mapToInt(owner -> owner.deleteAll(deleted.userId()))
                .sum();
        log.info("User {} was deleted: purged {} rows", deleted.userId(), rows);
    }
}
