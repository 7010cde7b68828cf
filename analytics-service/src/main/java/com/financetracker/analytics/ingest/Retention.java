package com.financetracker.analytics.ingest;

import com.financetracker.analytics.config.AnalyticsProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes rows older than their tier's retention: minutes go first, days last. */
@Component
class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final UsageRepository usage;
    private final Map<Tier, Duration> keep;
    private final Clock clock;

    Retention(UsageRepository usage, AnalyticsProperties properties, Clock clock) {
        this.usage = usage;
        this.keep = Map.of(
                Tier.MINUTE, properties.retention().minutes(),
                Tier.HOUR, properties.retention().hours(),
                Tier.DAY, properties.retention().days());
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void expire() {
        for (Tier tier : Tier.values()) {
            int deleted = usage.deleteBefore(tier, tier.bucketOf(clock.instant().minus(keep.get(tier))));
            if (deleted > 0) {
                log.info("Expired {} rows of {} older than {}", deleted, tier.table(), keep.get(tier));
            }
        }
    }
}
