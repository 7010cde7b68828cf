package com.financetracker.users.throttle;

import com.financetracker.users.config.UserServiceProperties;
import com.financetracker.users.throttle.AttemptCounters.Limit;
import com.financetracker.users.throttle.Reservation.Key;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Limits the requests anyone may send that cost a password hash besides logins: registrations, and token requests
 * of the client-credentials grant. Each is limited per client address and for all addresses together, so neither
 * one client nor many can keep the hashing threads busy for free.
 */
@Component
public class HashingRequests {

    private final AttemptCounters counters;
    private final Limit registrationsPerAddress;
    private final Limit registrations;
    private final Limit clientFailuresPerAddress;
    private final Limit clientFailures;

    HashingRequests(AttemptCounters counters, UserServiceProperties properties) {
        UserServiceProperties.Throttle throttle = properties.throttle();
        this.counters = counters;
        this.registrationsPerAddress = new Limit(throttle.registrationsPerAddress(), throttle.registrationWindow());
        this.registrations = new Limit(throttle.registrations(), throttle.registrationWindow());
        this.clientFailuresPerAddress = new Limit(throttle.clientFailuresPerAddress(), throttle.clientWindow());
        this.clientFailures = new Limit(throttle.clientFailures(), throttle.clientWindow());
    }

    /** Counts a registration, or refuses it with 429 when its address or everyone has registered too often. */
    public void registration(@Nullable String address) {
        List<Key> keys = new ArrayList<>();
        if (address != null) {
            keys.add(new Key("register:" + address, registrationsPerAddress, false));
        }
        keys.add(new Key("register", registrations, false));
        counters.spendAll(keys);
    }

    /**
     * Reserves the secret check of a client-credentials request; only failed checks are counted, so a flood of wrong
     * secrets does not keep the real services from their tokens for long.
     */
    public Reservation clientAuthentication(@Nullable String address) {
        List<Key> keys = new ArrayList<>();
        if (address != null) {
            keys.add(new Key("client:" + address, clientFailuresPerAddress, false));
        }
        keys.add(new Key("client", clientFailures, false));
        return counters.reserveAll(keys);
    }
}
