package com.financetracker.expenses.account;

import java.util.Map;
import java.util.UUID;

/**
 * A feature that keeps rows for each user, in tables of its own. {@link Accounts} calls every owner when a user comes
 * for the first time, to give them what they start with, and when the user is deleted, to delete what they had; both
 * inside the account's transaction and under the user's lock. An owner whose rows refer to another owner's rows is
 * ordered before it ({@link org.springframework.core.annotation.Order @Order}): expenses go before their categories.
 */
public interface UserDataOwner {

    /** Gives a user who has just come what they start with; nothing by default. */
    default void open(UUID userId) {}

    /** Deletes every row of the user from this owner's tables; how many went, by table. */
    Map<String, Integer> deleteAll(UUID userId);
}
