package com.financetracker.insights.account;

import java.util.UUID;

/** A feature that keeps rows about each person, in tables of its own. */
public interface UserDataOwner {

    /** Deletes every row about the person from this feature's tables; how many went. */
    int deleteAll(UUID userId);
}
