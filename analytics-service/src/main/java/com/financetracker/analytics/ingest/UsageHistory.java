package com.financetracker.analytics.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The statistics as ingest stores them, for the features that read them: their tables stay ingest's own. */
@Component
public class UsageHistory {

    /**
     * How long after its end a minute is settled: in the normal course reports reach a minute within seconds of its
     * end (they are flushed every few seconds), and a later write moves the {@link #revision()} (the database's
     * trigger leaves a minute for the clocks of the service and the database to differ).
     */
    public static final Duration SETTLING = Duration.ofMinutes(2);

    private final UsageRepository usage;

    UsageHistory(UsageRepository usage) {
        this.usage = usage;
    }

    /** Every row of the tier with a bucket in [from, to), optionally of one service, method or route, in turn. */
    @Transactional(readOnly = true)
    public void forEach(
            Tier tier,
            Instant from,
            Instant to,
            @Nullable String service,
            @Nullable String method,
            @Nullable String route,
            Consumer<UsageRow> consumer) {
        usage.forEach(tier, from, to, service, method, route, consumer);
    }

    /**
     * The revision of the statistics: it moves whenever a row of a minute that began more than {@link #SETTLING} ago
     * is written, or rows are deleted, so that the totals of a span settled before it was read stay true while it
     * stays the same. Read it before the rows it vouches for.
     */
    @Transactional(readOnly = true)
    public long revision() {
        return usage.revision();
    }
}
