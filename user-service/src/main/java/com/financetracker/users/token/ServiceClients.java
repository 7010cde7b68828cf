package com.financetracker.users.token;

import com.financetracker.users.config.UserServiceProperties;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The other services allowed to obtain {@code SERVICE} tokens with the client-credentials grant. Only hashes of their
 * secrets are kept: a secret configured in plain text is hashed at start, and one configured as a hash
 * ({@code {argon2}…}) is used as it is, so the plain secret need not reach this service at all.
 */
@Component
class ServiceClients {

    private static final Logger log = LoggerFactory.getLogger(ServiceClients.class);

    private final PasswordEncoder passwords;
    private final Map<String, String> secretHashes = new HashMap<>();
    private final String decoyHash;

    ServiceClients(UserServiceProperties properties, PasswordEncoder passwords) {
        this.passwords = passwords;
        properties.serviceClientSecrets().forEach((id, secret) -> secretHashes.put(id, hashed(secret)));
        this.decoyHash = passwords.encode(UUID.randomUUID().toString());
        log.info("Service clients allowed to obtain tokens: {}", secretHashes.keySet());
    }

    /** Whether the id and secret belong to a configured client; takes as long for unknown ids. */
    boolean authenticate(String clientId, String secret) {
        String hash = secretHashes.get(clientId);
        boolean matches = passwords.matches(secret, hash == null ? decoyHash : hash);
        return hash != null && matches;
    }

    private String hashed(String secret) {
        return secret.startsWith("{") ? secret : passwords.encode(secret);
    }
}
