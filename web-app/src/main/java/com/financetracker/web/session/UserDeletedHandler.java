package com.financetracker.web.session;

import com.financetracker.contracts.UserDeleted;
import com.financetracker.platform.events.EventEnvelope;
import com.financetracker.platform.events.EventHandler;
import com.financetracker.platform.events.EventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends every session of a deleted account at once, on every device: its sessions and their tokens (and with them any
 * CSV file waiting for confirmation) and their preferences are deleted, so a page open elsewhere goes back to the login page.
 */
@Component
class UserDeletedHandler implements EventHandler<UserDeleted> {

    private static final Logger log = LoggerFactory.getLogger(UserDeletedHandler.class);

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final SessionTokens tokens;
    private final Preferences preferences;

    UserDeletedHandler(
            FindByIndexNameSessionRepository<? extends Session> sessions,
            SessionTokens tokens,
            Preferences preferences) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.preferences = preferences;
    }

    @Override
    public EventType<UserDeleted> type() {
        return UserDeleted.TYPE;
    }

    @Override
    public void handle(UserDeleted deleted, EventEnvelope event) {
        String principal = deleted.userId().toString();
        int ended = 0;
        for (String id : sessions.findByPrincipalName(principal).keySet()) {
            sessions.deleteById(id);
            ended++;
        }
        int forgotten = tokens.removeAll(deleted.userId());
        preferences.removeAll(deleted.userId());
        log.info("User {} was deleted: ended {} sessions and forgot {} sets of tokens", principal, ended, forgotten);
    }
}
