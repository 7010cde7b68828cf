package com.financetracker.users.account;

import com.financetracker.users.account.AccountProblems.TooManyAttemptsException;
import com.financetracker.users.config.UserServiceProperties;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Limits failed password checks per account and per client address, with token buckets kept in PostgreSQL so
 * every replica sees the same counts. Only failures consume; a successful login clears the account's bucket.
 */
@Component
class LoginThrottle {

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final Supplier<BucketConfiguration> accountLimit;
    private final Supplier<BucketConfiguration> addressLimit;

    LoginThrottle(DataSource dataSource, UserServiceProperties properties) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("login_throttle")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
        UserServiceProperties.Throttle throttle = properties.throttle();
        BucketConfiguration account = limit(throttle.accountFailures(), throttle.accountWindow());
        BucketConfiguration address = limit(throttle.addressFailures(), throttle.addressWindow());
        this.accountLimit = () -> account;
        this.addressLimit = () -> address;
    }

    /** Refuses the attempt, without counting it, when the account or the address has no attempts left. */
    void checkAllowed(String account, @Nullable String address) {
        long waitNanos = waitNanos(accountKey(account), accountLimit);
        if (address != null) {
            waitNanos = Math.max(waitNanos, waitNanos(addressKey(address), addressLimit));
        }
        if (waitNanos > 0) {
            throw new TooManyAttemptsException(Duration.ofNanos(waitNanos).plusSeconds(1));
        }
    }

    void recordFailure(String account, @Nullable String address) {
        buckets.builder().build(accountKey(account), accountLimit).tryConsume(1);
        if (address != null) {
            buckets.builder().build(addressKey(address), addressLimit).tryConsume(1);
        }
    }

    void recordSuccess(String account) {
        buckets.removeProxy(accountKey(account));
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void removeExpired() {
        while (buckets.removeExpired(1000) == 1000) {
            // keep going until a batch comes back short
        }
    }

    private long waitNanos(String key, Supplier<BucketConfiguration> limit) {
        EstimationProbe probe = buckets.builder().build(key, limit).estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? 0 : probe.getNanosToWaitForRefill();
    }

    private static BucketConfiguration limit(int failures, Duration window) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(failures)
                        .refillGreedy(failures, window)
                        .build())
                .build();
    }

    private static String accountKey(String account) {
        return "account:" + account;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
