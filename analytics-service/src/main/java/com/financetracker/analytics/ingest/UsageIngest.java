package com.financetracker.analytics.ingest;

import com.financetracker.platform.events.EventEnvelope;
import com.financetracker.platform.events.EventHandler;
import com.financetracker.platform.events.EventType;
import com.financetracker.platform.usage.LatencySketch;
import com.financetracker.platform.usage.UsageReport;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies a usage report: each entry is merged into its minute, hour and day rows. Runs inside the inbox's
 * transaction, which also records the report's id, so a report delivered twice is counted once.
 */
@Component
class UsageIngest implements EventHandler<UsageReport> {

    private static final Logger log = LoggerFactory.getLogger(UsageIngest.class);

    private final UsageRepository usage;

    UsageIngest(UsageRepository usage) {
        this.usage = usage;
    }

    @Override
    public EventType<UsageReport> type() {
        return UsageReport.TYPE;
    }

    /** The report was validated on arrival (its fields, and that each sketch decodes). */
    @Override
    public void handle(UsageReport report, EventEnvelope event) {
        if (report.entries().isEmpty()) {
            return;
        }
        usage.lockForIngest();
        for (Tier tier : Tier.values()) {
            Map<UsageRow.Key, UsageRow> incoming = new HashMap<>();
            for (UsageReport.Entry entry : report.entries()) {
                UsageRow row = row(tier, report.service(), entry);
                incoming.merge(row.key(), row, UsageRow::plus);
            }
            for (UsageRow stored : usage.find(tier, incoming.keySet())) {
                incoming.merge(stored.key(), stored, UsageRow::plus);
            }
            usage.save(tier, incoming.values());
        }
        if (report.dropped() > 0) {
            log.warn(
                    "{} ({}) could not record {} requests: its usage aggregate was full",
                    report.service(),
                    report.instance(),
                    report.dropped());
        }
    }

    private static UsageRow row(Tier tier, String service, UsageReport.Entry entry) {
        return new UsageRow(
                tier.bucketOf(entry.minute()),
                service,
                entry.method(),
                entry.route(),
                entry.status(),
                entry.count(),
                entry.durationSumMs(),
                entry.durationMaxMs(),
                entry.firstSeen(),
                entry.lastSeen(),
                LatencySketch.decode(entry.sketch()));
    }
}
