package com.financetracker.analytics.ingest;

import java.time.Instant;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The statistics as ingest stores them, for the features that read them: their tables stay ingest's own. */
@Component
public class UsageHistory {

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
}
