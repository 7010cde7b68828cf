package com.financetracker.analytics.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The analytics service's settings.
 *
 * @param usersUrl the user service's public URL, where the dashboard logs administrators in
 * @param retention how long each resolution of the statistics is kept
 */
@Validated
@ConfigurationProperties("finance.analytics")
public record AnalyticsProperties(
        @NotNull URI usersUrl, @Valid @NotNull @DefaultValue Retention retention) {

    public record Retention(
            @NotNull @DefaultValue("3d") Duration minutes,
            @NotNull @DefaultValue("90d") Duration hours,
            @NotNull @DefaultValue("1095d") Duration days) {}
}
