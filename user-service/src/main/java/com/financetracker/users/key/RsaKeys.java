package com.financetracker.users.key;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns RSA key material (generated, stored as DER, or given as PEM) into JWKs identified by their thumbprint. */
final class RsaKeys {

    private static final Pattern PEM_BLOCK =
            Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private RsaKeys() {}

    static RSAKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return jwk((RSAPublicKey) pair.getPublic(), (RSAPrivateCrtKey) pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is unavailable", e);
        }
    }

    static RSAKey fromDer(byte[] privateKeyPkcs8) {
        try {
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey)
                    KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(privateKeyPkcs8));
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return jwk(publicKey, privateKey);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("not an RSA private key in PKCS#8 form", e);
        }
    }

    static RSAKey publicFromDer(byte[] publicKeyX509) {
        try {
            RSAPublicKey publicKey =
                    (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(publicKeyX509));
            return publicJwk(publicKey);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("not an RSA public key in X.509 form", e);
        }
    }

    /** The private key of a {@code PRIVATE KEY} (PKCS#8) PEM block. */
    static RSAKey fromPrivatePem(String pem) {
        List<byte[]> blocks = pemBlocks(pem, "PRIVATE KEY");
        if (blocks.size() != 1) {
            throw new IllegalArgumentException(
                    "FINANCE_SIGNING_KEY_PEM must hold one '-----BEGIN PRIVATE KEY-----' (PKCS#8) block");
        }
        return fromDer(blocks.getFirst());
    }

    /** The public keys of every {@code PUBLIC KEY} PEM block in the text. */
    static List<RSAKey> fromPublicPems(String pems) {
        return pemBlocks(pems, "PUBLIC KEY").stream()
                .map(RsaKeys::publicFromDer)
                .toList();
    }

    private static List<byte[]> pemBlocks(String text, String type) {
        List<byte[]> blocks = new ArrayList<>();
        Matcher matcher = PEM_BLOCK.matcher(text.replace("\\n", "\n"));
        while (matcher.find()) {
            if (matcher.group(1).equals(type)) {
                blocks.add(Base64.getMimeDecoder().decode(matcher.group(2)));
            }
        }
        return blocks;
    }

    private static RSAKey jwk(RSAPublicKey publicKey, RSAPrivateCrtKey privateKey) {
        return new RSAKey.Builder(publicKey)
                .privateKey(privateKey)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .keyID(thumbprint(publicKey))
                .build();
    }

    private static RSAKey publicJwk(RSAPublicKey publicKey) {
        return new RSAKey.Builder(publicKey)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .keyID(thumbprint(publicKey))
                .build();
    }

    private static String thumbprint(RSAPublicKey publicKey) {
        try {
            return new RSAKey.Builder(publicKey).build().computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
