package com.financetracker.expenses.account;

import com.financetracker.platform.events.EventEnvelope;
import com.financetracker.platform.events.EventHandler;
import com.financetracker.platform.web.ProblemException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Purges a user's expenses, categories and idempotency records when the user service deletes the account. */
@Component
class UserDeletedHandler implements EventHandler {

    private static final Logger log = LoggerFactory.getLogger(UserDeletedHandler.class);

    private final Accounts accounts;

    UserDeletedHandler(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public String type() {
        return "user.deleted";
    }

    @Override
    public void handle(EventEnvelope event) {
        UUID userId;
        try {
            userId = UUID.fromString(event.payload().path("userId").asString());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("payload.userId", "must be a UUID");
        }
        Accounts.PurgeResult purged = accounts.purge(userId);
        log.info(
                "User {} was deleted: purged {} expenses, {} categories, {} idempotency records",
                userId,
                purged.expenses(),
                purged.categories(),
                purged.idempotencyKeys());
    }
}
