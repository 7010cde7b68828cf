package com.financetracker.analytics.ingest;

import com.financetracker.platform.events.EventEnvelope;
import com.financetracker.platform.events.EventInbox;
import com.financetracker.platform.usage.UsageReport;
import com.financetracker.platform.usage.UsageReportSink;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The analytics service's own usage goes straight into its inbox: the same path as everyone else's, minus HTTP. */
@Component
class LocalUsageSink implements UsageReportSink {

    private final EventInbox inbox;
    private final JsonMapper json;

    LocalUsageSink(EventInbox inbox, JsonMapper json) {
        this.inbox = inbox;
        this.json = json;
    }

    @Override
    public void accept(UsageReport report) {
        inbox.receive(new EventEnvelope(
                report.id(), UsageReport.TYPE.name(), report.key(), report.createdAt(), json.valueToTree(report)));
    }
}
