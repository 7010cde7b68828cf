package com.financetracker.users.account;

import com.financetracker.users.config.UserServiceProperties;
import com.financetracker.users.throttle.AttemptCounters;
import com.financetracker.users.throttle.AttemptCounters.Limit;
import com.financetracker.users.throttle.Reservation;
import com.financetracker.users.throttle.Reservation.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Limits password checks. A check is reserved before it runs and given back after, counted as spent only when it
 * failed: however many arrive at once, no more checks run than the limit allows failures. A login counts per account
 * and client address first (5 by default), per account only at a much higher bound, so guessing from elsewhere
 * cannot lock the owner out, and per address. A signed-in person re-entering their password (to change it, or to
 * delete the account) counts on a limit of their own, which failed logins do not touch. A right password clears the
 * account's failures.
 */
@Component
class LoginThrottle {

    private final AttemptCounters counters;
    private final Limit accountAddressLimit;
    private final Limit accountLimit;
    private final Limit addressLimit;

    LoginThrottle(AttemptCounters counters, UserServiceProperties properties) {
        UserServiceProperties.Throttle throttle = properties.throttle();
        this.counters = counters;
        this.accountAddressLimit = new Limit(throttle.accountAddressFailures(), throttle.accountWindow());
        this.accountLimit = new Limit(throttle.accountFailures(), throttle.accountWindow());
        this.addressLimit = new Limit(throttle.addressFailures(), throttle.addressWindow());
    }

    /** Reserves a login's password check, or refuses it with 429 when a limit has been reached. */
    Reservation reserveLogin(String account, @Nullable String address) {
        List<Key> keys = new ArrayList<>();
        if (address != null) {
            keys.add(new Key("login:" + address + ":" + account, accountAddressLimit, true));
        }
        keys.add(new Key("account:" + account, accountLimit, true));
        if (address != null) {
            keys.add(new Key("address:" + address, addressLimit, false));
        }
        return counters.reserveAll(keys);
    }

    /** Reserves the password check of a person already signed in. */
    Reservation reserveReauthentication(UUID user) {
        return counters.reserveAll(List.of(new Key("user:" + user, accountAddressLimit, true)));
    }
}
