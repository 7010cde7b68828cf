package com.financetracker.analytics.ingest;

import com.financetracker.platform.events.EventEnvelope;
import com.financetracker.platform.events.EventHandler;
import com.financetracker.platform.usage.LatencySketch;
import com.financetracker.platform.usage.UsageReport;
import com.financetracker.platform.web.ProblemException;
import com.financetracker.platform.web.ProblemType;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies a usage report: each entry is merged into its minute, hour and day rows. Runs inside the inbox's
 * transaction, which also records the report's id, so a report delivered twice is counted once.
 */
@Component
class UsageIngest implements EventHandler {

    private static final Logger log = LoggerFactory.getLogger(UsageIngest.class);

    private final UsageRepository usage;
    private final JsonMapper json;

    UsageIngest(UsageRepository usage, JsonMapper json) {
        this.usage = usage;
        this.json = json;
    }

    @Override
    public String type() {
        return UsageReport.EVENT_TYPE;
    }

    @Override
    public void handle(EventEnvelope event) {
        UsageReport report = read(event);
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

    private UsageReport read(EventEnvelope event) {
        UsageReport report;
        try {
            report = json.treeToValue(event.payload(), UsageReport.class);
        } catch (JacksonException e) {
            throw ProblemException.of(ProblemType.VALIDATION, "The payload is not a usage report");
        }
        if (report.service() == null
                || report.service().isBlank()
                || report.service().length() > 100
                || report.entries() == null) {
            throw ProblemException.invalidField("payload.service", "is required, at most 100 characters");
        }
        for (UsageReport.Entry entry : report.entries()) {
            boolean valid = entry.minute() != null
                    && entry.method() != null
                    && entry.method().length() <= 10
                    && entry.route() != null
                    && entry.route().length() <= 500
                    && entry.status() >= 100
                    && entry.status() <= 599
                    && entry.count() >= 0
                    && entry.firstSeen() != null
                    && entry.lastSeen() != null
                    && entry.sketch() != null;
            if (!valid) {
                throw ProblemException.invalidField("payload.entries", "holds an incomplete or invalid entry");
            }
        }
        return report;
    }

    private static UsageRow row(Tier tier, String service, UsageReport.Entry entry) {
        LatencySketch sketch;
        try {
            sketch = LatencySketch.decode(entry.sketch());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("payload.entries.sketch", "is not a latency sketch");
        }
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
                sketch);
    }
}
