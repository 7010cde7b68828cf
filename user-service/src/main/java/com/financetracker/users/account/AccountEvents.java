package com.financetracker.users.account;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What happens to accounts that other parts of the service react to, inside the same transaction. */
public final class AccountEvents {

    private AccountEvents() {}

    /** The password changed: sessions other than {@code keptSession} must end. */
    public record PasswordChanged(UUID userId, @Nullable UUID keptSession) {}

    /** An administrator disabled the account: every session must end. */
    public record AccountDisabled(UUID userId) {}

    /** An administrator removed the account's ADMIN role: every session must end, so none renews it. */
    public record AdminRoleRemoved(UUID userId) {}
}
