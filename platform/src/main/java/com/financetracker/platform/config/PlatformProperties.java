package com.financetracker.platform.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/** Settings every service shares; each has a default for the local stack (see platform-defaults.properties). */
@Validated
@ConfigurationProperties("finance")
public record PlatformProperties(
        @Valid @NotNull Security security, @Valid @NotNull Web web) {

    /**
     * Access-token verification.
     *
     * @param issuer expected {@code iss} claim, the user service's public base URL
     * @param jwksUri where the user service publishes its public keys
     * @param audience expected {@code aud} claim
     */
    public record Security(
            @NotNull URI issuer,
            @NotNull URI jwksUri,
            @NotBlank @DefaultValue("finance-tracker") String audience) {}

    /**
     * HTTP behaviour shared by every service.
     *
     * @param maxBodySize largest request body accepted, unless {@code bodySizeOverrides} names the path
     * @param bodySizeOverrides larger limits for specific paths (such as a CSV import)
     * @param corsAllowedOrigins browser origins allowed to call the API
     */
    public record Web(
            @NotNull @DefaultValue("1MB") DataSize maxBodySize,
            @NotNull @DefaultValue Map<String, DataSize> bodySizeOverrides,
            @NotEmpty @DefaultValue("http://localhost:8002") List<String> corsAllowedOrigins) {}
}
