package com.financetracker.users.account;

import com.financetracker.platform.web.MergePatch;
import com.financetracker.platform.web.ProblemException;
import com.financetracker.users.account.AccountEvents.AccountDisabled;
import com.financetracker.users.account.AccountEvents.AdminRoleRemoved;
import com.financetracker.users.account.AccountProblems.SelfLockoutException;
import com.financetracker.users.account.AccountProblems.UserNotFoundException;
import com.financetracker.users.account.AccountRequests.AdminUpdate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/** What administrators do with other accounts: find them, change their roles, disable them. */
@Service
class UserAdministration {

    private static final Logger log = LoggerFactory.getLogger(UserAdministration.class);

    private final UserRepository users;
    private final MergePatch mergePatch;
    private final ApplicationEventPublisher events;

    UserAdministration(UserRepository users, MergePatch mergePatch, ApplicationEventPublisher events) {
        this.users = users;
        this.mergePatch = mergePatch;
        this.events = events;
    }

    /** A page of users in email order, plus the email to continue after when there are more. */
    record Page(List<User> users, @Nullable String lastEmail) {}

    Page list(@Nullable String query, @Nullable String afterEmail, int limit) {
        List<User> found = users.page(query, afterEmail, limit + 1);
        boolean more = found.size() > limit;
        List<User> page = more ? found.subList(0, limit) : found;
        return new Page(page, more ? page.getLast().email() : null);
    }

    User get(UUID id) {
        return users.findById(id).orElseThrow(() -> UserNotFoundException.forId(id));
    }

    @Transactional
    User update(UUID actingAdmin, UUID id, JsonNode patch) {
        User user = get(id);
        AdminUpdate updated = mergePatch.apply(new AdminUpdate(EnumSet.copyOf(user.roles()), user.disabled()), patch);
        EnumSet<Role> roles = EnumSet.copyOf(updated.roles());
        if (!roles.contains(Role.USER)) {
            throw ProblemException.invalidField("roles", "must include USER");
        }
        if (id.equals(actingAdmin) && (updated.disabled() || !roles.contains(Role.ADMIN))) {
            throw new SelfLockoutException();
        }
        User saved =
                users.updateAccess(id, roles, updated.disabled()).orElseThrow(() -> UserNotFoundException.forId(id));
        if (saved.disabled() && !user.disabled()) {
            events.publishEvent(new AccountDisabled(id));
        }
        if (user.isAdmin() && !saved.isAdmin()) {
            events.publishEvent(new AdminRoleRemoved(id));
        }
        log.info("Admin {} set user {} to roles {} disabled={}", actingAdmin, id, roles, saved.disabled());
        return saved;
    }
}
