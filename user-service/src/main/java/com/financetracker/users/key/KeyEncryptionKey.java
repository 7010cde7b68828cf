package com.financetracker.users.key;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The key-encryption key ({@code FINANCE_SIGNING_KEY_ENCRYPTION_KEY}) that wraps the signing keys' private parts
 * before they are stored: AES-256-GCM (the JDK's), a random 96-bit nonce per wrap, the key id as associated data so
 * that a wrapped key moved to another row does not unwrap. A wrapped key is the nonce followed by the ciphertext and
 * its 128-bit tag.
 *
 * <p>The configured value is the AES key itself, 32 random bytes in base64 ({@code openssl rand -base64 32}); no
 * password is accepted, so no key derivation is needed and a guessable value cannot be configured.
 *
 * @param id a short fingerprint of the key (an HMAC of a fixed label under it), stored beside each wrapped key to
 *     tell which key-encryption key it needs
 */
record KeyEncryptionKey(String id, SecretKey key) {

    static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] ID_LABEL = "finance-tracker signing-key KEK id".getBytes(StandardCharsets.US_ASCII);

    /** The key given in base64 (standard or URL-safe, padding optional). */
    static KeyEncryptionKey parse(String base64) {
        byte[] bytes = decode(base64.strip());
        if (bytes == null || bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("not 32 bytes in base64");
        }
        SecretKey key = new SecretKeySpec(bytes, "AES");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(bytes, "HmacSHA256"));
            String id = HexFormat.of().formatHex(Arrays.copyOf(mac.doFinal(ID_LABEL), 8));
            return new KeyEncryptionKey(id, key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** Whether the text is a key {@link #parse} accepts. */
    static boolean isWellFormed(String base64) {
        byte[] bytes = decode(base64.strip());
        return bytes != null && bytes.length == KEY_BYTES;
    }

    byte[] wrap(byte[] privateKey, String kid) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, kid);
            byte[] ciphertext = cipher.doFinal(privateKey);
            return ByteBuffer.allocate(nonce.length + ciphertext.length)
                    .put(nonce)
                    .put(ciphertext)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /**
     * The private key a {@link #wrap} of this key made for this key id.
     *
     * @throws GeneralSecurityException when it was wrapped with another key, for another key id, or altered since
     */
    byte[] unwrap(byte[] wrapped, String kid) throws GeneralSecurityException {
        if (wrapped.length <= NONCE_BYTES) {
            throw new GeneralSecurityException("too short to be a wrapped key");
        }
        Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(wrapped, NONCE_BYTES), kid);
        return cipher.doFinal(wrapped, NONCE_BYTES, wrapped.length - NONCE_BYTES);
    }

    private Cipher cipher(int mode, byte[] nonce, String kid) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static byte @Nullable [] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notStandard) {
            try {
                return Base64.getUrlDecoder().decode(base64);
            } catch (IllegalArgumentException notUrlSafe) {
                return null;
            }
        }
    }

    @Override
    public String toString() {
        return "KeyEncryptionKey[" + id + "]";
    }
}
