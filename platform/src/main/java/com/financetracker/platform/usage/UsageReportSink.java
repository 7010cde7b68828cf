package com.financetracker.platform.usage;

/**
 * Where usage reports go. By default into the service's outbox, from which the relay delivers them to the analytics
 * service; the analytics service ingests its own directly.
 */
@FunctionalInterface
public interface UsageReportSink {

    /** Stores the report durably or throws, in which case its data is kept for the next report. */
    void accept(UsageReport report);
}
