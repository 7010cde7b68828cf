package com.financetracker.users.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The user service's settings. Those an environment variable sets have their default next to it, in application.yml;
 * the others have it here.
 *
 * @param accessTokenTtl lifetime of access tokens
 * @param refreshTokenTtl lifetime of each refresh token (every refresh issues a new one)
 * @param admin the first administrator, created at start when it does not exist
 * @param signingKey where the token-signing key comes from
 * @param serviceClients clients of the client-credentials grant, as {@code id:secret,id:secret}; an id may be listed
 *     twice while its secret is rotated
 * @param throttle limits on failed password checks and on other requests that cost a password hash
 * @param hashing the password-hashing threads' queue
 * @param sessionLifetime how long a session lasts from its login, however often it is refreshed
 */
@Validated
@ConfigurationProperties("finance.users")
public record UserServiceProperties(
        @NotNull Duration accessTokenTtl,
        @NotNull Duration refreshTokenTtl,
        @Valid @NotNull @DefaultValue Admin admin,
        @Valid @NotNull @DefaultValue SigningKey signingKey,
        @NotNull String serviceClients,
        @Valid @NotNull @DefaultValue Throttle throttle,
        @Valid @NotNull @DefaultValue Hashing hashing,
        @NotNull @DefaultValue("90d") Duration sessionLifetime) {

    /**
     * Entries are separated by the commas that start a new {@code id:}; a secret given as an Argon2 hash holds commas
     * of its own ({@code m=16384,t=2,p=1}) that are not followed by an id and a colon.
     */
    private static final Pattern ENTRY_SEPARATOR = Pattern.compile(",(?=\\s*[A-Za-z0-9._-]+:)");

    /**
     * The configured service clients' secrets, by client id: usually one each, two while a secret is rotated (the
     * same id listed twice), so that the service keeps its name, which is what it may do.
     */
    public Map<String, List<String>> serviceClientSecrets() {
        Map<String, List<String>> clients = new LinkedHashMap<>();
        for (String entry : ENTRY_SEPARATOR.split(serviceClients)) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.indexOf(':');
            clients.computeIfAbsent(entry.substring(0, colon).trim(), id -> new ArrayList<>())
                    .add(entry.substring(colon + 1).trim());
        }
        return clients;
    }

    @AssertTrue(message = "FINANCE_SERVICE_CLIENTS must be a comma-separated list of id:secret pairs")
    public boolean isServiceClientsWellFormed() {
        for (String entry : ENTRY_SEPARATOR.split(serviceClients)) {
            int colon = entry.indexOf(':');
            if (!entry.isBlank() && (colon <= 0 || colon == entry.length() - 1)) {
                return false;
            }
        }
        return true;
    }

    /** The first administrator: both empty, or an email and a password of at least 8 characters. */
    public record Admin(@NotNull String email, @NotNull String password) {

        public boolean configured() {
            return !email.isBlank();
        }

        @AssertTrue(message = "FINANCE_ADMIN_PASSWORD must have 8 to 128 characters when FINANCE_ADMIN_EMAIL is set")
        public boolean isPasswordValid() {
            return !configured() || (password.length() >= 8 && password.length() <= 128);
        }
    }

    /**
     * @param pem an RSA private key in PKCS#8 PEM; empty to generate one and keep it in the database
     * @param retiredPublicPems public keys (PEM) of earlier configured keys, still published
     * @param rotationInterval how long a generated key signs before a new one replaces it
     * @param encryptionKey the key-encryption key that wraps the private keys kept in the database: 32 random bytes in
     *     base64. Required unless {@code pem} is given, so that the database alone (a backup) cannot sign tokens
     * @param previousEncryptionKeys earlier key-encryption keys, comma-separated: keys they wrapped are wrapped again
     *     with {@code encryptionKey} at start (rotating the key-encryption key)
     */
    public record SigningKey(
            @NotNull String pem,
            @NotNull String retiredPublicPems,
            @NotNull Duration rotationInterval,
            @NotNull @DefaultValue("") String encryptionKey,
            @NotNull @DefaultValue("") String previousEncryptionKeys) {

        /** Whether the signing key is generated and kept in the database rather than configured. */
        public boolean stored() {
            return pem.isBlank();
        }

        /** The earlier key-encryption keys, each as configured. */
        public List<String> previousEncryptionKeyList() {
            return Arrays.stream(previousEncryptionKeys.split(","))
                    .map(String::strip)
                    .filter(key -> !key.isEmpty())
                    .toList();
        }

        @AssertTrue(
                message = "FINANCE_SIGNING_KEY_ENCRYPTION_KEY must be set when no FINANCE_SIGNING_KEY_PEM is given: it"
                        + " wraps the signing key kept in the database (32 random bytes in base64: openssl rand"
                        + " -base64 32)")
        public boolean isEncryptionKeyGivenForAStoredKey() {
            return !stored() || !encryptionKey.isBlank();
        }

        @AssertTrue(
                message = "FINANCE_SIGNING_KEY_ENCRYPTION_KEY and each of FINANCE_SIGNING_KEY_PREVIOUS_ENCRYPTION_KEYS"
                        + " must be 32 bytes in base64 (openssl rand -base64 32)")
        public boolean isEncryptionKeysWellFormed() {
            return (encryptionKey.isBlank() || isBase64Key(encryptionKey))
                    && previousEncryptionKeyList().stream().allMatch(SigningKey::isBase64Key);
        }

        private static boolean isBase64Key(String text) {
            for (Base64.Decoder decoder : List.of(Base64.getDecoder(), Base64.getUrlDecoder())) {
                try {
                    return decoder.decode(text.strip()).length == 32;
                } catch (IllegalArgumentException notThisAlphabet) {
                    // try the other one
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return "SigningKey[rotationInterval=" + rotationInterval + "]";
        }
    }

    /**
     * @param accountAddressFailures failed logins allowed per account from one client address within
     *     {@code accountWindow}; also the failed checks of a signed-in person's own password
     * @param accountFailures failed logins allowed per account from all addresses together within {@code
     *     accountWindow}: much higher, so that guessing from elsewhere cannot keep the owner out
     * @param addressFailures failed logins allowed per client address within {@code addressWindow}
     * @param registrationsPerAddress registrations allowed per client address within {@code registrationWindow}
     * @param registrations registrations allowed from all addresses together within {@code registrationWindow}
     * @param clientFailuresPerAddress failed client-credentials requests allowed per client address within {@code
     *     clientWindow}
     * @param clientFailures failed client-credentials requests allowed from all addresses together within {@code
     *     clientWindow}
     */
    public record Throttle(
            @Min(1) @DefaultValue("5") int accountAddressFailures,
            @Min(1) @DefaultValue("100") int accountFailures,
            @NotNull @DefaultValue("5m") Duration accountWindow,
            @Min(1) @DefaultValue("50") int addressFailures,
            @NotNull @DefaultValue("5m") Duration addressWindow,
            @Min(1) @DefaultValue("20") int registrationsPerAddress,
            @Min(1) @DefaultValue("200") int registrations,
            @NotNull @DefaultValue("1h") Duration registrationWindow,
            @Min(1) @DefaultValue("10") int clientFailuresPerAddress,
            @Min(1) @DefaultValue("100") int clientFailures,
            @NotNull @DefaultValue("5m") Duration clientWindow) {}

    /**
     * @param queue password hashes that may wait for a hashing thread; beyond, requests that need one get 503 with
     *     {@code Retry-After} instead of waiting without bound
     */
    public record Hashing(@Min(0) @DefaultValue("32") int queue) {}
}
