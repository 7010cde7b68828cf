package com.financetracker.expenses.account;

import com.financetracker.contracts.UserDeleted;
import com.financetracker.platform.events.EventEnvelope;
import com.financetracker.platform.events.EventHandler;
import com.financetracker.platform.events.EventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Purges a user's expenses, categories and idempotency records when the user service deletes the account. */
@Component
class UserDeletedHandler implements EventHandler<UserDeleted> {

    private static final Logger log = LoggerFactory.getLogger(UserDeletedHandler.class);

    private final Accounts accounts;

    UserDeletedHandler(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public EventType<UserDeleted> type() {
        return UserDeleted.TYPE;
    }

    @Override
    public void handle(UserDeleted deleted, EventEnvelope event) {
        Accounts.PurgeResult purged = accounts.purge(deleted.userId());
        log.info(
                "User {} was deleted: purged {} expenses, {} categories, {} idempotency records",
                deleted.userId(),
                purged.expenses(),
                purged.categories(),
                purged.idempotencyKeys());
    }
}
