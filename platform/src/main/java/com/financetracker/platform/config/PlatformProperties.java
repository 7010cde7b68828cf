package com.financetracker.platform.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings every service shares; each has its default for the local stack, with the environment variable that
 * changes it, in platform-defaults.properties.
 */
@Validated
@ConfigurationProperties("finance")
public record PlatformProperties(@Valid @NotNull Web web) {

    /**
     * HTTP behaviour shared by every service.
     *
     * @param maxBodySize largest request body accepted, unless {@code bodySizeOverrides} names the path
     * @param bodySizeOverrides larger limits for specific paths (such as a CSV import)
     * @param corsAllowedOrigins browser origins allowed to call the API
     */
    public record Web(
            @NotNull DataSize maxBodySize,
            @NotNull @DefaultValue Map<String, DataSize> bodySizeOverrides,
            @NotEmpty List<String> corsAllowedOrigins) {}
}
