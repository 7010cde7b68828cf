package com.financetracker.platform.usage;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Usage recording.
 *
 * @param enabled whether requests are recorded at all
 * @param flushInterval how often the in-memory aggregate becomes a report
 * @param maxCells most distinct (minute, method, route, status) combinations held between two reports; requests
 *     beyond are counted as dropped
 * @param excludedPaths paths that are not API usage (probes, metrics, API docs)
 */
@Validated
@ConfigurationProperties("finance.usage")
public record UsageProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("5s") Duration flushInterval,
        @Min(1) @DefaultValue("10000") int maxCells,

        @NotNull
        @DefaultValue({
            "/actuator/**",
            "/v3/api-docs",
            "/v3/api-docs/**",
            "/swagger-ui.html",
            "/swagger-ui/**",
            "/favicon.ico"
        })
        List<String> excludedPaths) {}
