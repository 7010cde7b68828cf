package com.financetracker.users.key;

import com.financetracker.users.config.UserServiceProperties;
import com.financetracker.users.key.SigningKeyRepository.StoredKey;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
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
 *
 * <p>A private key kept in the database is wrapped with the configured key-encryption key ({@link KeyEncryptionKey}),
 * so that the database alone cannot sign tokens. Keys stored unwrapped by earlier versions, and keys wrapped with a
 * previous key-encryption key, are wrapped with the current one when the keys are loaded, so nothing is lost. A key
 * that no configured key-encryption key unwraps stops the start ({@link SigningKeyUnavailableException}): it is never
 * replaced by a new one, since the replicas that can read it would go on signing with it.
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
    /** The key-encryption key that wraps the stored keys; null with a configured PEM. */
    private final @Nullable KeyEncryptionKey encryptionKey;
    /** Earlier key-encryption keys by id, whose keys are wrapped again with {@link #encryptionKey}. */
    private final Map<String, KeyEncryptionKey> previousEncryptionKeys = new LinkedHashMap<>();

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
        this.encryptionKey = settings.stored() ? KeyEncryptionKey.parse(settings.encryptionKey()) : null;
        if (settings.stored()) {
            settings.previousEncryptionKeyList().stream()
                    .map(KeyEncryptionKey::parse)
                    .forEach(previous -> previousEncryptionKeys.putIfAbsent(previous.id(), previous));
        }
        this.keys = settings.stored() ? loadFromDatabase() : loadConfigured();
        if (encryptionKey != null) {
            log.info(
                    "Signing access tokens with key {}, kept in the database wrapped with key-encryption key {}",
                    keys.signing().getKeyID(),
                    encryptionKey.id());
        } else {
            log.info(
                    "Signing access tokens with the configured key {}",
                    keys.signing().getKeyID());
        }
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
        if (settings.stored()) {
            Keys reloaded;
            try {
                reloaded = loadFromDatabase();
            } catch (SigningKeyUnavailableException e) {
                log.error("Keeping the signing keys loaded before: {} {}", e.getMessage(), e.action());
                return;
            }
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
        KeyEncryptionKey kek = Objects.requireNonNull(encryptionKey);
        return transactions.execute(status -> {
            repository.lockForGeneration();
            wrapWith(kek);
            Instant now = clock.instant();
            RSAKey signing = repository
                    .active()
                    .filter(key ->
                            key.createdAt().plus(settings.rotationInterval()).isAfter(now))
                    .map(key -> RsaKeys.fromDer(unwrap(key, kek)))
                    .orElseGet(() -> generateAndStore(kek));
            Map<String, JWK> published = new LinkedHashMap<>();
            published.put(signing.getKeyID(), signing.toPublicJWK());
            for (byte[] publicKey : repository.publishedPublicKeys(now.minus(retiredKeysPublishedFor))) {
                RSAKey key = RsaKeys.publicFromDer(publicKey);
                published.putIfAbsent(key.getKeyID(), key);
            }
            return new Keys(signing, new JWKSet(List.copyOf(published.values())));
        });
    }

    /**
     * Wraps with the current key-encryption key every stored key that it does not wrap yet: those stored unwrapped
     * before (V4), and those wrapped with a previous key-encryption key.
     */
    private void wrapWith(KeyEncryptionKey kek) {
        for (StoredKey stored : repository.notWrappedWith(kek.id())) {
            String wrappedWith = stored.wrappedWith();
            byte[] privateKey;
            if (wrappedWith == null) {
                privateKey = stored.privateKey();
            } else {
                KeyEncryptionKey previous = previousEncryptionKeys.get(wrappedWith);
                if (previous == null) {
                    throw new SigningKeyUnavailableException(
                            "The signing key " + stored.kid() + " in the users database is wrapped with another"
                                    + " key-encryption key (id " + wrappedWith + ") than"
                                    + " FINANCE_SIGNING_KEY_ENCRYPTION_KEY (id " + kek.id() + "), so it cannot be"
                                    + " unwrapped.",
                            "Configure the key-encryption key the database's keys were wrapped with. To move to a"
                                    + " new one, give the old one in FINANCE_SIGNING_KEY_PREVIOUS_ENCRYPTION_KEYS"
                                    + " (docs/deployment.md, \"Signing keys\"). No new key is generated in its place:"
                                    + " the replicas that can read it would go on signing with it.");
                }
                privateKey = unwrap(stored, previous);
            }
            repository.replacePrivateKey(stored.kid(), kek.wrap(privateKey, stored.kid()), kek.id());
            log.info(
                    "Wrapped signing key {}{} with key-encryption key {}",
                    stored.kid(),
                    wrappedWith == null ? ", stored unwrapped until now," : " (wrapped with " + wrappedWith + ")",
                    kek.id());
        }
    }

    private static byte[] unwrap(StoredKey stored, KeyEncryptionKey kek) {
        if (!kek.id().equals(stored.wrappedWith())) {
            throw new IllegalStateException("signing key " + stored.kid() + " is not wrapped with " + kek.id());
        }
        try {
            return kek.unwrap(stored.privateKey(), stored.kid());
        } catch (GeneralSecurityException e) {
            throw new SigningKeyUnavailableException(
                    "The signing key " + stored.kid() + " in the users database does not unwrap with the"
                            + " key-encryption key it names (id " + kek.id() + "): its row was altered or damaged.",
                    "Restore the users database from a backup, or delete that key's row from signing_keys so that"
                            + " a new key is generated (tokens it signed then stop verifying; sessions stay).");
        }
    }

    private RSAKey generateAndStore(KeyEncryptionKey kek) {
        RSAKey key = RsaKeys.generate();
        try {
            repository.insert(
                    key.getKeyID(),
                    kek.wrap(key.toRSAPrivateKey().getEncoded(), key.getKeyID()),
                    kek.id(),
                    key.toRSAPublicKey().getEncoded());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        repository.retireAllExcept(key.getKeyID());
        log.info("Generated signing key {}, wrapped with key-encryption key {}", key.getKeyID(), kek.id());
        return key;
    }
}
