package com.financetracker.platform.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageAggregatorTest {

    private static final long NOON = Instant.parse("2026-11-23T12:00:10Z").toEpochMilli();

    @Test
    void countsPerMinuteMethodRouteAndStatus() {
        UsageAggregator aggregator = new UsageAggregator(100);
        aggregator.record("GET", "/expenses/{id}", 200, NOON, 2.0);
        aggregator.record("GET", "/expenses/{id}", 200, NOON + 1_000, 4.0);
        aggregator.record("GET", "/expenses/{id}", 404, NOON + 2_000, 1.0);
        aggregator.record("GET", "/expenses/{id}", 200, NOON + 60_000, 3.0);

        List<UsageReport.Entry> entries = sorted(aggregator.drain().entries());

        assertThat(entries).hasSize(3);
        UsageReport.Entry first = entries.get(0);
        assertThat(first.minute()).isEqualTo(Instant.parse("2026-11-23T12:00:00Z"));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.count()).isEqualTo(2);
        assertThat(first.durationSumMs()).isEqualTo(6.0);
        assertThat(first.durationMaxMs()).isEqualTo(4.0);
        assertThat(first.firstSeen()).isEqualTo(Instant.ofEpochMilli(NOON));
        assertThat(first.lastSeen()).isEqualTo(Instant.ofEpochMilli(NOON + 1_000));
        assertThat(entries.get(1).status()).isEqualTo(404);
        assertThat(entries.get(2).minute()).isEqualTo(Instant.parse("2026-11-23T12:01:00Z"));
    }

    @Test
    void memoryStaysBoundedUnderAFloodOfDistinctRoutesAndDropsAreCounted() {
        UsageAggregator aggregator = new UsageAggregator(50);

        for (int i = 0; i < 10_000; i++) {
            aggregator.record("GET", "/route-" + i, 200, NOON, 1.0);
        }
        aggregator.record("GET", "/route-0", 200, NOON, 1.0);

        assertThat(aggregator.size()).isEqualTo(50);
        UsageAggregator.Snapshot snapshot = aggregator.drain();
        assertThat(snapshot.cells()).hasSize(50);
        assertThat(snapshot.dropped()).isEqualTo(9_950);
        assertThat(aggregator.droppedTotal()).isEqualTo(9_950);
        assertThat(snapshot.entries().stream()
                        .mapToLong(UsageReport.Entry::count)
                        .sum())
                .isEqualTo(51);
    }

    @Test
    void drainingStartsAfresh() {
        UsageAggregator aggregator = new UsageAggregator(10);
        aggregator.record("POST", "/expenses", 201, NOON, 5.0);

        aggregator.drain();

        assertThat(aggregator.drain().isEmpty()).isTrue();
    }

    @Test
    void aSnapshotPutBackIsMergedIntoTheNextOne() {
        UsageAggregator aggregator = new UsageAggregator(10);
        aggregator.record("POST", "/expenses", 201, NOON, 5.0);
        UsageAggregator.Snapshot unshipped = aggregator.drain();
        aggregator.record("POST", "/expenses", 201, NOON, 7.0);

        aggregator.restore(unshipped);

        List<UsageReport.Entry> entries = aggregator.drain().entries();
        assertThat(entries).hasSize(1);
        assertThat(entries.getFirst().count()).isEqualTo(2);
        assertThat(entries.getFirst().durationMaxMs()).isEqualTo(7.0);
        assertThat(LatencySketch.decode(entries.getFirst().sketch()).count()).isEqualTo(2);
    }

    @Test
    void concurrentRecordingLosesNothing() throws Exception {
        UsageAggregator aggregator = new UsageAggregator(1000);
        List<Thread> threads = new java.util.ArrayList<>();
        long[] drained = new long[1];
        for (int t = 0; t < 8; t++) {
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 10_000; i++) {
                    aggregator.record("GET", "/expenses", 200, NOON, 1.0);
                }
            }));
        }
        Thread drainer = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < 50; i++) {
                drained[0] += count(aggregator.drain());
            }
        });
        for (Thread thread : threads) {
            thread.join();
        }
        drainer.join();

        assertThat(drained[0] + count(aggregator.drain())).isEqualTo(80_000);
    }

    private static long count(UsageAggregator.Snapshot snapshot) {
        return snapshot.entries().stream().mapToLong(UsageReport.Entry::count).sum();
    }

    private static List<UsageReport.Entry> sorted(List<UsageReport.Entry> entries) {
        return entries.stream()
                .sorted(Comparator.comparing(UsageReport.Entry::minute).thenComparing(UsageReport.Entry::status))
                .toList();
    }
}
