package com.financetracker.users.account;

import com.financetracker.contracts.UserDeleted;
import com.financetracker.platform.events.Outbox;
import com.financetracker.platform.web.MergePatch;
import com.financetracker.users.account.AccountEvents.PasswordChanged;
import com.financetracker.users.account.AccountProblems.AccountDisabledException;
import com.financetracker.users.account.AccountProblems.EmailTakenException;
import com.financetracker.users.account.AccountProblems.InvalidCredentialsException;
import com.financetracker.users.account.AccountProblems.UserNotFoundException;
import com.financetracker.users.account.AccountProblems.WrongPasswordException;
import com.financetracker.users.account.AccountRequests.ChangePassword;
import com.financetracker.users.account.AccountRequests.Register;
import com.financetracker.users.account.AccountRequests.UpdateProfile;
import com.financetracker.users.config.UserServiceProperties;
import com.financetracker.users.throttle.HashingRequests;
import com.financetracker.users.throttle.Reservation;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.JsonNode;

/**
 * What a user does with their own account: register, log in, edit the profile, change the password, leave. Password
 * hashing (tens of milliseconds) runs outside transactions, so it never holds a database connection.
 */
@Service
public class AccountService {

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final HashingRequests hashingRequests;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;
    private final TransactionOperations transactions;
    private final MergePatch mergePatch;
    private final Clock clock;
    /** The configured administrator's email, which nobody may register; null when none is configured. */
    private final @Nullable String reservedEmail;
    /** Checked against when the email is unknown, so both failures take as long. */
    private final String decoyHash;

    AccountService(
            UserRepository users,
            PasswordEncoder passwords,
            LoginThrottle throttle,
            HashingRequests hashingRequests,
            Outbox outbox,
            ApplicationEventPublisher events,
            TransactionOperations transactions,
            MergePatch mergePatch,
            Clock clock,
            UserServiceProperties properties) {
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
        this.hashingRequests = hashingRequests;
        this.outbox = outbox;
        this.events = events;
        this.transactions = transactions;
        this.mergePatch = mergePatch;
        this.clock = clock;
        this.reservedEmail = properties.admin().configured()
                ? normalizeEmail(properties.admin().email())
                : null;
        this.decoyHash = passwords.encode(UUID.randomUUID().toString());
    }

    /** The form in which emails are stored and compared. */
    static String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** Registers an account; registrations are limited per client address and overall, as each costs a hash. */
    User register(Register request, @Nullable String address) {
        hashingRequests.registration(address);
        String email = normalizeEmail(request.email());
        String displayName =
                request.displayName() == null || request.displayName().isBlank()
                        ? email.substring(0, email.indexOf('@'))
                        : request.displayName();
        String hash = passwords.encode(request.password());
        if (email.equals(reservedEmail)) {
            // kept for the administrator the next start creates; answered as if taken, after hashing as for any email
            throw new EmailTakenException();
        }
        try {
            return users.insert(email, displayName, hash, EnumSet.of(Role.USER));
        } catch (DuplicateKeyException e) {
            throw new EmailTakenException();
        }
    }

    /**
     * Checks a login. Unknown email and wrong password fail the same way; both count against the account and the
     * client address. Each check is reserved before it runs, so too many failures are refused before the password is
     * even checked, however many requests arrive at once.
     */
    public User authenticate(String email, String password, @Nullable String clientAddress) {
        String normalized = normalizeEmail(email);
        Reservation check = throttle.reserveLogin(normalized, clientAddress);
        Optional<User> found;
        boolean matches;
        try {
            found = users.findByEmail(normalized);
            matches = passwords.matches(password, found.map(User::passwordHash).orElse(decoyHash));
        } catch (RuntimeException e) {
            check.abandoned();
            throw e;
        }
        if (found.isEmpty() || !matches) {
            check.failed();
            throw new InvalidCredentialsException();
        }
        User user = found.get();
        check.succeeded();
        if (user.disabled()) {
            throw new AccountDisabledException();
        }
        if (passwords.upgradeEncoding(user.passwordHash())) {
            users.updatePasswordHash(user.id(), passwords.encode(password));
        }
        return user;
    }

    /** The account, if it still exists. */
    public Optional<User> find(UUID id) {
        return users.findById(id);
    }

    User current(UUID id) {
        return users.findById(id).orElseThrow(UserNotFoundException::currentUser);
    }

    User updateProfile(UUID id, JsonNode patch) {
        User user = current(id);
        UpdateProfile updated = mergePatch.apply(new UpdateProfile(user.displayName(), user.defaultCurrency()), patch);
        return users.updateProfile(id, updated.displayName().strip(), updated.defaultCurrency())
                .orElseThrow(UserNotFoundException::currentUser);
    }

    /** Changes the password after checking the current one; every other session of the user ends. */
    void changePassword(UUID id, ChangePassword request, @Nullable UUID currentSession) {
        User user = current(id);
        verifyPassword(user, request.currentPassword());
        String hash = passwords.encode(request.newPassword());
        transactions.executeWithoutResult(status -> {
            users.updatePasswordHash(id, hash);
            events.publishEvent(new PasswordChanged(id, currentSession));
        });
        log.info("User {} changed their password", id);
    }

    /** Deletes the account after checking the password, and tells other services to forget the user. */
    void delete(UUID id, String password) {
        User user = current(id);
        verifyPassword(user, password);
        transactions.executeWithoutResult(status -> {
            if (users.delete(id)) {
                UserDeleted deleted = new UserDeleted(id, clock.instant());
                outbox.publish(UserDeleted.TYPE, deleted.key(), deleted);
            }
        });
        log.info("User {} deleted their account", id);
    }

    /** Checks a signed-in person's password, on a limit of their own that failed logins do not touch. */
    private void verifyPassword(User user, String password) {
        Reservation check = throttle.reserveReauthentication(user.id());
        boolean matches;
        try {
            matches = passwords.matches(password, user.passwordHash());
        } catch (RuntimeException e) {
            check.abandoned();
            throw e;
        }
        if (!matches) {
            check.failed();
            throw new WrongPasswordException();
        }
        check.succeeded();
    }
}
