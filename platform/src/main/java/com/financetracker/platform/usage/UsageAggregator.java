package com.financetracker.platform.usage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The requests seen since the last report, per (minute, method, route, status). Recording is a map lookup and a
 * short lock on one cell, on the request thread, with no I/O. The number of cells is bounded; what does not fit is
 * counted as dropped, never silently lost.
 */
final class UsageAggregator {

    record Key(Instant minute, String method, String route, int status) {}

    /** What was drained: the cells and the number of requests dropped meanwhile. */
    record Snapshot(Map<Key, Cell> cells, long dropped) {

        boolean isEmpty() {
            return cells.isEmpty() && dropped == 0;
        }

        List<UsageReport.Entry> entries() {
            List<UsageReport.Entry> entries = new ArrayList<>(cells.size());
            cells.forEach((key, cell) -> entries.add(cell.entry(key)));
            return entries;
        }
    }

    /** One combination's requests; all access is synchronized on the cell. */
    static final class Cell {
        private long count;
        private double sum;
        private double max;
        private long first = Long.MAX_VALUE;
        private long last = Long.MIN_VALUE;
        private final LatencySketch sketch = LatencySketch.empty();

        synchronized void add(long startedAtMillis, double durationMs) {
            count++;
            sum += durationMs;
            max = Math.max(max, durationMs);
            first = Math.min(first, startedAtMillis);
            last = Math.max(last, startedAtMillis);
            sketch.add(durationMs);
        }

        synchronized void merge(Cell other) {
            synchronized (other) {
                count += other.count;
                sum += other.sum;
                max = Math.max(max, other.max);
                first = Math.min(first, other.first);
                last = Math.max(last, other.last);
                sketch.merge(other.sketch);
            }
        }

        synchronized UsageReport.Entry entry(Key key) {
            return new UsageReport.Entry(
                    key.minute(),
                    key.method(),
                    key.route(),
                    key.status(),
                    count,
                    sum,
                    max,
                    Instant.ofEpochMilli(first),
                    Instant.ofEpochMilli(last),
                    sketch.encode());
        }
    }

    private final int maxCells;
    private final ReadWriteLock swap = new ReentrantReadWriteLock();
    private final AtomicLong droppedTotal = new AtomicLong();
    private ConcurrentHashMap<Key, Cell> cells = new ConcurrentHashMap<>();
    private AtomicLong dropped = new AtomicLong();

    UsageAggregator(int maxCells) {
        this.maxCells = maxCells;
    }

    void record(String method, String route, int status, long startedAtMillis, double durationMs) {
        Key key = new Key(Instant.ofEpochMilli(startedAtMillis).truncatedTo(ChronoUnit.MINUTES), method, route, status);
        swap.readLock().lock();
        try {
            Cell cell = cells.get(key);
            if (cell == null) {
                if (cells.size() >= maxCells) {
                    dropped.incrementAndGet();
                    droppedTotal.incrementAndGet();
                    return;
                }
                cell = cells.computeIfAbsent(key, k -> new Cell());
            }
            cell.add(startedAtMillis, durationMs);
        } finally {
            swap.readLock().unlock();
        }
    }

    /** Takes everything recorded so far and starts afresh. */
    Snapshot drain() {
        swap.writeLock().lock();
        try {
            Snapshot snapshot = new Snapshot(cells, dropped.get());
            cells = new ConcurrentHashMap<>();
            dropped = new AtomicLong();
            return snapshot;
        } finally {
            swap.writeLock().unlock();
        }
    }

    /** Puts back a snapshot that could not be shipped, so it goes out with the next report. */
    void restore(Snapshot snapshot) {
        swap.readLock().lock();
        try {
            snapshot.cells()
                    .forEach((key, cell) -> cells.merge(key, cell, (current, restored) -> {
                        current.merge(restored);
                        return current;
                    }));
            dropped.addAndGet(snapshot.dropped());
        } finally {
            swap.readLock().unlock();
        }
    }

    /** Requests dropped since the process started. */
    long droppedTotal() {
        return droppedTotal.get();
    }

    int size() {
        return cells.size();
    }
}
