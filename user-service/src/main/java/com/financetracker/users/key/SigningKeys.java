package com.financetracker.users.key;

import com.financetracker.users.config.UserServiceProperties;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The key that signs access tokens and the public keys that verify them. With {@code FINANCE_SIGNING_KEY_PEM} the
 * configured key signs; otherwise a key is generated once and kept in the database, so restarts and replicas share
 * it, and is replaced after the rotation interval. Retired keys stay published long enough for every token they
 * signed to expire.
 */
@Component
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    /** How often replicas reload keys, so a rotation by one reaches the others. */
    private static final Duration RELOAD_INTERVAL = Duration.ofMinutes(10);

    private final SigningKeyRepository repository;
    private final TransactionOperations transactions;
    private final UserServiceProperties.SigningKey settings;
    private final Duration retiredKeysPublishedFor;
    private final Clock clock;

    private volatile Keys keys;

    private record Keys(RSAKey signing, JWKSet published) {}

    SigningKeys(
            SigningKeyRepository repository,
            TransactionOperations transactions,
            UserServiceProperties properties,
            Clock clock) {
        this.repository = repository;
        this.transactions = transactions;
        this.settings = properties.signingKey();
        this.retiredKeysPublishedFor =
                properties.accessTokenTtl().plus(RELOAD_INTERVAL).plus(Duration.ofMinutes(5));
        this.clock = clock;
        this.keys = settings.pem().isBlank() ? loadFromDatabase() : loadConfigured();
        log.info("Signing access tokens with key {}", keys.signing().getKeyID());
    }

    /** The private key that signs new tokens. */
    public RSAKey signingKey() {
        return keys.signing();
    }

    /** Every key a valid token may be signed with, public parts only. */
    public JWKSet publicKeys() {
        return keys.published();
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
    void reload() {
        if (settings.pem().isBlank()) {
            Keys reloaded = loadFromDatabase();
            if (!reloaded.signing().getKeyID().equals(keys.signing().getKeyID())) {
                log.info(
                        "Now signing access tokens with key {}",
                        reloaded.signing().getKeyID());
            }
            keys = reloaded;
        }
    }

    private Keys loadConfigured() {
        RSAKey signing = RsaKeys.fromPrivatePem(settings.pem());
        List<JWK> published = new ArrayList<>();
        published.add(signing.toPublicJWK());
        published.addAll(RsaKeys.fromPublicPems(settings.retiredPublicPems()));
        return new Keys(signing, new JWKSet(published));
    }

    private Keys loadFromDatabase() {
        return transactions.execute(status -> {
            repository.lockForGeneration();
            Instant now = clock.instant();
            RSAKey signing = repository
                    .active()
                    .filter(key ->
                            key.createdAt().plus(settings.rotationInterval()).isAfter(now))
                    .map(key -> RsaKeys.fromDer(key.privateKey()))
                    .orElseGet(this::generateAndStore);
            Map<String, JWK> published = new LinkedHashMap<>();
            published.put(signing.getKeyID(), signing.toPublicJWK());
            for (byte[] publicKey : repository.publishedPublicKeys(now.minus(retiredKeysPublishedFor))) {
                RSAKey key = RsaKeys.publicFromDer(publicKey);
                published.putIfAbsent(key.getKeyID(), key);
            }
            return new Keys(signing, new JWKSet(List.copyOf(published.values())));
        });
    }

    private RSAKey generateAndStore() {
        RSAKey key = RsaKeys.generate();
        try {
            repository.insert(
                    key.getKeyID(),
                    key.toRSAPrivateKey().getEncoded(),
                    key.toRSAPublicKey().getEncoded());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        repository.retireAllExcept(key.getKeyID());
        log.info("Generated signing key {}", key.getKeyID());
        return key;
    }
}
