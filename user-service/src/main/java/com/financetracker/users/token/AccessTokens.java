package com.financetracker.users.token;

import com.financetracker.platform.security.AuthenticatedUser;
import com.financetracker.platform.security.Roles;
import com.financetracker.users.account.Role;
import com.financetracker.users.account.User;
import com.financetracker.users.config.UserServiceProperties;
import com.financetracker.users.key.SigningKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/** Mints RS256 access tokens for users and services with the current signing key. */
@Component
class AccessTokens {

    /** The claim naming the login session (refresh-token family) a user's access token belongs to. */
    static final String SESSION_CLAIM = "sid";

    private final JwtEncoder encoder;
    private final SigningKeys keys;
    private final String issuer;
    private final String audience;
    private final Duration ttl;
    private final Clock clock;

    AccessTokens(
            JwtEncoder encoder,
            SigningKeys keys,
            OAuth2ResourceServerProperties resourceServer,
            UserServiceProperties properties,
            Clock clock) {
        this.encoder = encoder;
        this.keys = keys;
        // the tokens this service mints are the ones every service accepts: the same issuer and audience
        this.issuer = resourceServer.getJwt().getIssuerUri();
        this.audience = resourceServer.getJwt().getAudiences().getFirst();
        this.ttl = properties.accessTokenTtl();
        this.clock = clock;
    }

    Duration ttl() {
        return ttl;
    }

    String forUser(User user, UUID session) {
        JwtClaimsSet.Builder claims = claims(user.id().toString())
                .claim(
                        Roles.CLAIM,
                        user.roles().stream().map(Role::name).sorted().toList())
                .claim(SESSION_CLAIM, session.toString());
        if (user.defaultCurrency() != null) {
            claims.claim(AuthenticatedUser.CURRENCY_CLAIM, user.defaultCurrency());
        }
        return encode(claims.build());
    }

    String forService(String clientId) {
        return encode(
                claims(clientId).claim(Roles.CLAIM, List.of(Roles.SERVICE)).build());
    }

    private JwtClaimsSet.Builder claims(String subject) {
        Instant now = clock.instant();
        return JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(subject)
                .audience(List.of(audience))
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .id(UUID.randomUUID().toString());
    }

    private String encode(JwtClaimsSet claims) {
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256)
                .keyId(keys.signingKey().getKeyID())
                .build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}
