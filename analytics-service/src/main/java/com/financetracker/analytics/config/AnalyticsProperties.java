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
 * @param usersUrl the user service's base URL, which the dashboard's login goes through
 * @param retention how long each resolution of the statistics is kept (defaults with their variables in application.yml)
 */
@Validated
@ConfigurationProperties("finance.analytics")
public record AnalyticsProperties(
        @NotNull URI usersUrl, @Valid @NotNull @DefaultValue Retention retention) {

    public record Retention(
            @NotNull Duration minutes,
            @NotNull Duration hours,
            @NotNull Duration days) {}
}
