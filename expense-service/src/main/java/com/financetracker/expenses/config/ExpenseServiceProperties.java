package com.financetracker.expenses.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The expense service's settings ({@code finance.expenses.*}). Each default is given here and only here.
 *
 * @param idempotencyKeyTtl how long the first answer to an {@code Idempotency-Key} is kept for replays
 *     ({@code finance.expenses.idempotency-key-ttl}, 24 hours by default)
 * @param maxConcurrentImports how many CSV imports one instance runs at a time; more get 429
 *     ({@code finance.expenses.max-concurrent-imports}, 2 by default: each holds a database connection while the
 *     file is uploaded)
 */
@Validated
@ConfigurationProperties("finance.expenses")
public record ExpenseServiceProperties(
        @NotNull @DefaultValue("24h") Duration idempotencyKeyTtl,
        @Min(1) @DefaultValue("2") int maxConcurrentImports) {}
