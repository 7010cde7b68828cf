package com.financetracker.web.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The web app's settings. The services' URLs come from the environment (see application.yml); everything else has
 * its default here.
 *
 * @param usersUrl the user service's base URL, as the web app reaches it ({@code FINANCE_USERS_URL})
 * @param expensesUrl the expense service's base URL ({@code FINANCE_EXPENSES_URL})
 * @param analyticsUrl the analytics service's base URL ({@code FINANCE_ANALYTICS_URL})
 * @param insightsUrl the insights service's base URL ({@code FINANCE_INSIGHTS_URL})
 * @param dashboardUrl where administrators find the usage dashboard ({@code FINANCE_DASHBOARD_URL}); when unset, the
 *     host the person used to reach the web app, on the analytics service's port
 * @param calls timeouts of the calls to the services
 * @param tokens when access tokens are refreshed
 * @param importMaxSize the largest CSV file a person may upload
 */
@Validated
@ConfigurationProperties("finance.webapp")
public record WebAppProperties(
        @NotNull URI usersUrl,
        @NotNull URI expensesUrl,
        @NotNull URI analyticsUrl,
        @NotNull URI insightsUrl,
        @Nullable URI dashboardUrl,
        @Valid @NotNull @DefaultValue Calls calls,
        @Valid @NotNull @DefaultValue Tokens tokens,
        @NotNull DataSize importMaxSize) {

    /**
     * @param connectTimeout how long to wait for a connection to a service
     * @param readTimeout how long to wait for a service's answer
     * @param importTimeout how long to wait for the answer to a CSV import, which for a large file takes minutes
     * @param parallelism most calls one page makes at the same time
     */
    public record Calls(
            @NotNull @DefaultValue("2s") Duration connectTimeout,
            @NotNull @DefaultValue("10s") Duration readTimeout,
            @NotNull @DefaultValue("10m") Duration importTimeout,
            @Min(1) @DefaultValue("8") int parallelism) {}

    /**
     * @param refreshAhead an access token this close to its expiry is refreshed before it is used
     * @param cleanupAfter tokens of a session unused for this long are deleted (longer than the session timeout)
     */
    public record Tokens(
            @NotNull @DefaultValue("30s") Duration refreshAhead,
            @NotNull @DefaultValue("2d") Duration cleanupAfter) {}
}
