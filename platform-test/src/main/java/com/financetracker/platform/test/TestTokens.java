package com.financetracker.platform.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A stand-in identity provider for tests of services that verify access tokens: an RSA key whose public half is
 * served as a JWKS on a loopback port, and a builder for tokens signed with it, including deliberately broken ones
 * (expired, wrong issuer or audience, unknown key, unsigned).
 */
public final class TestTokens {

    public static final String ISSUER = "http://issuer.test";
    public static final String AUDIENCE = "finance-tracker";

    private static final RSAKey KEY = generateKey("test-key");
    private static @Nullable HttpServer jwksServer;

    private TestTokens() {}

    /** A valid access token of an ordinary user. */
    public static String user(UUID userId) {
        return forSubject(userId.toString()).roles("USER").sign();
    }

    /** A valid access token of an administrator. */
    public static String admin(UUID userId) {
        return forSubject(userId.toString()).roles("USER", "ADMIN").sign();
    }

    /** A valid access token of another service (client-credentials grant). */
    public static String service(String clientId) {
        return forSubject(clientId).roles("SERVICE").sign();
    }

    public static Builder forSubject(String subject) {
        return new Builder(subject);
    }

    /** The URI of the JWKS holding the public key, started on first use. */
    public static synchronized String jwksUri() {
        if (jwksServer == null) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                byte[] body = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
                server.createContext("/.well-known/jwks.json", exchange -> {
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                });
                server.start();
                jwksServer = server;
            } catch (IOException e) {
                throw new UncheckedIOException("could not serve the test JWKS", e);
            }
        }
        return "http://" + jwksServer.getAddress().getHostString() + ":"
                + jwksServer.getAddress().getPort() + "/.well-known/jwks.json";
    }

    private static RSAKey generateKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Builds one access token; every property starts valid and can be broken on purpose. */
    public static final class Builder {

        private final JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
        private RSAKey signingKey = KEY;
        private boolean signed = true;

        private Builder(String subject) {
            Instant now = Instant.now();
            claims.subject(subject)
                    .issuer(ISSUER)
                    .audience(List.of(AUDIENCE))
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                    .jwtID(UUID.randomUUID().toString());
        }

        public Builder roles(String... roles) {
            claims.claim("roles", List.of(roles));
            return this;
        }

        public Builder claim(String name, @Nullable Object value) {
            claims.claim(name, value);
            return this;
        }

        public Builder issuer(String issuer) {
            claims.issuer(issuer);
            return this;
        }

        public Builder audience(String audience) {
            claims.audience(List.of(audience));
            return this;
        }

        public Builder expiresAt(Instant expiresAt) {
            claims.expirationTime(Date.from(expiresAt));
            return this;
        }

        /** Signs with a key the service has never seen, as a forger would. */
        public Builder signedWithUnknownKey() {
            signingKey = generateKey("test-key");
            return this;
        }

        /** Produces an unsigned token ({@code alg: none}). */
        public Builder unsigned() {
            signed = false;
            return this;
        }

        public String sign() {
            JWTClaimsSet claimsSet = claims.build();
            if (!signed) {
                return new PlainJWT(claimsSet).serialize();
            }
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(signingKey.getKeyID())
                            .build(),
                    claimsSet);
            try {
                jwt.sign(new RSASSASigner(signingKey));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }
    }
}
