package com.financetracker.users.token;

import com.financetracker.users.config.UserServiceProperties;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The other services allowed to obtain {@code SERVICE} tokens with the client-credentials grant. A token's subject is
 * the client id, which is the service's name: receivers decide from it what the token may do (which events it may
 * send, which internal endpoints it may call), so the id is the service's identity, and a client may have two secrets
 * while one is rotated rather than a second id. Only hashes of the secrets are kept: a secret configured in plain text
 * is hashed at start, and one configured as a hash ({@code {argon2}…}) is used as it is, so the plain secret need not
 * reach this service at all.
 */
@Component
class ServiceClients {

    private static final Logger log = LoggerFactory.getLogger(ServiceClients.class);

    private final PasswordEncoder passwords;
    private final Map<String, List<String>> secretHashes = new HashMap<>();
    private final String decoyHash;

    ServiceClients(UserServiceProperties properties, PasswordEncoder passwords) {
        this.passwords = passwords;
        properties.serviceClientSecrets().forEach((id, secrets) -> {
            if (id.equals(LocalServiceTokens.CLIENT_ID)) {
                throw new IllegalStateException("FINANCE_SERVICE_CLIENTS must not name " + id + ": this service signs"
                        + " its own tokens under that name, and a client holding it could send " + id + "'s events"
                        + " (user.deleted purges a person's data everywhere)");
            }
            secretHashes.put(id, secrets.stream().map(this::hashed).toList());
        });
        this.decoyHash = passwords.encode(UUID.randomUUID().toString());
        log.info("Service clients allowed to obtain tokens: {}", secretHashes.keySet());
    }

    /** Whether the id and secret belong to a configured client; an unknown id takes as long as a known one. */
    boolean authenticate(String clientId, String secret) {
        List<String> hashes = secretHashes.getOrDefault(clientId, List.of(decoyHash));
        boolean matches = false;
        for (String hash : hashes) {
            matches |= passwords.matches(secret, hash);
        }
        return secretHashes.containsKey(clientId) && matches;
    }

    private String hashed(String secret) {
        return secret.startsWith("{") ? secret : passwords.encode(secret);
    }
}
