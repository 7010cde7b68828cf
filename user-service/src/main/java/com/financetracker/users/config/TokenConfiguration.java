package com.financetracker.users.config;

import com.financetracker.users.key.SigningKeys;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * How passwords are hashed, and how tokens are signed and checked. As the issuer, this service verifies tokens with its
 * own keys directly instead of fetching its JWKS over HTTP.
 */
@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

    /**
     * Argon2id for new hashes; the {id} prefix lets the parameters change later without breaking old hashes. Hashed
     * on one platform thread per processor, off the requests' virtual threads, with a bounded queue.
     */
    @Bean
    PasswordEncoder passwordEncoder(UserServiceProperties properties) {
        return new BoundedPasswordEncoder(
                new DelegatingPasswordEncoder(
                        "argon2", Map.of("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8())),
                Runtime.getRuntime().availableProcessors(),
                properties.hashing().queue());
    }

    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        JWKSource<SecurityContext> signingKey = (selector, context) -> selector.select(new JWKSet(keys.signingKey()));
        return new NimbusJwtEncoder(signingKey);
    }

    /** The same checks as every other service's decoder: issuer, audience, and the platform's claim checks. */
    @Bean
    JwtDecoder jwtDecoder(
            SigningKeys keys,
            OAuth2ResourceServerProperties resourceServer,
            OAuth2TokenValidator<Jwt> accessTokenClaims) {
        JWKSource<SecurityContext> publicKeys = (selector, context) -> selector.select(keys.publicKeys());
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(publicKeys)
                .jwsAlgorithms(algorithms -> algorithms.add(SignatureAlgorithm.RS256))
                .build();
        List<String> audiences = resourceServer.getJwt().getAudiences();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtIssuerValidator(resourceServer.getJwt().getIssuerUri()),
                new JwtClaimValidator<List<String>>(
                        JwtClaimNames.AUD, aud -> aud != null && !Collections.disjoint(aud, audiences)),
                accessTokenClaims));
        return decoder;
    }
}
