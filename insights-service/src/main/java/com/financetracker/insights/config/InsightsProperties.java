package com.financetracker.insights.config;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The insights service's settings ({@code finance.insights.*}). Each default is given here and only here, except the
 * expense service's URL, which application.yml takes from {@code FINANCE_EXPENSES_URL}.
 *
 * @param expensesUrl the expense service's base URL, which a new database is rebuilt from
 * @param retrainDelay how long after a person's last change their model is trained again (changes in between are
 *     taken into account at once, without training)
 * @param keepDeleted how long a deleted expense's tombstone is kept
 * @param cachedModels how many people's models are kept in memory
 */
@Validated
@ConfigurationProperties("finance.insights")
public record InsightsProperties(
        @NotNull URI expensesUrl,
        @NotNull @DefaultValue("5s") Duration retrainDelay,
        @NotNull @DefaultValue("7d") Duration keepDeleted,
        @DefaultValue("1000") int cachedModels) {}
