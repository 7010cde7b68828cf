package com.financetracker.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;

/** What a process uses, read from {@code /proc}: resident memory, and CPU time. */
final class ProcessStats {

    /** Clock ticks per second of {@code /proc/<pid>/stat}; 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private ProcessStats() {}

    /** The process's resident set size in megabytes. */
    static double residentMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    /**
     * The memory a group of processes holds together, in megabytes: each process's proportional set size (its own
     * pages, and its share of the pages it maps with others), so that PostgreSQL's shared buffers and the libraries
     * the JVMs share count once, not once per process.
     */
    static double proportionalMb(Collection<ProcessHandle> processes) {
        long kb = 0;
        for (ProcessHandle process : processes) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "smaps_rollup"))) {
                    if (line.startsWith("Pss:")) {
                        kb += Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (NoSuchFileException ended) {
                // a backend that ended after the list was made holds nothing any more
            } catch (IOException | NumberFormatException e) {
                return Double.NaN;
            }
        }
        return kb / 1024.0;
    }

    /** The CPU time (user and system) the process has used so far, in seconds. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the fields after the command name, which is in parentheses and may contain spaces
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Samples a process's resident memory every 200 ms until closed, remembering the highest value. */
    static final class PeakSampler implements AutoCloseable {

        private final AtomicLong peakKb = new AtomicLong();
        private final Thread thread;
        private volatile boolean running = true;

        PeakSampler(long pid) {
            thread = Thread.ofVirtual().start(() -> {
                while (running) {
                    double mb = residentMb(pid);
                    if (!Double.isNaN(mb)) {
                        peakKb.accumulateAndGet((long) (mb * 1024), Math::max);
                    }
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        double peakMb() {
            return peakKb.get() / 1024.0;
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
        }
    }
}
