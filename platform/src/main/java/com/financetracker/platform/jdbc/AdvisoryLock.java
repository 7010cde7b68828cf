package com.financetracker.platform.jdbc;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every PostgreSQL advisory lock the product takes, in one list so no two share a number. A lock is held until the
 * transaction that took it ends. Locks keyed by a value (a user id) take the two-number form: the lock's number and
 * a hash of the value, so the same user's locks of different kinds never meet.
 */
public enum AdvisoryLock {

    /** One outbox relay per database at a time, so events leave in the order they were recorded. */
    OUTBOX_RELAY(1),
    /** The user service's signing keys: one replica at a time makes the next key. */
    SIGNING_KEY_GENERATION(2),
    /** The analytics service's ingest: one report merged into the statistics at a time. */
    USAGE_INGEST(3),
    /** The expense service's account of one user: writes share it, a purge takes it alone. */
    EXPENSE_ACCOUNT(4),
    /** The expense service's CSV import of one user: one at a time, so a file imported twice at once adds nothing. */
    EXPENSE_IMPORT(5);

    private final int number;

    AdvisoryLock(int number) {
        this.number = number;
    }

    /** The lock's number, the first key of the two-number form. */
    public int number() {
        return number;
    }

    /** Waits for the lock. */
    public void lock(JdbcClient jdbc) {
        jdbc.sql("select 1 from pg_advisory_xact_lock(:lock, 0)")
                .param("lock", number)
                .query(Integer.class)
                .single();
    }

    /** Takes the lock if it is free; false when another transaction holds it. */
    public boolean tryLock(JdbcClient jdbc) {
        return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(:lock, 0)")
                .param("lock", number)
                .query(Boolean.class)
                .single());
    }

    /** Waits for the lock of one value (such as a user id), alone. */
    public void lock(JdbcClient jdbc, Object key) {
        jdbc.sql("select 1 from pg_advisory_xact_lock(:lock, hashtext(:key))")
                .param("lock", number)
                .param("key", key.toString())
                .query(Integer.class)
                .single();
    }

    /** Waits for the lock of one value, shared with others who take it shared. */
    public void lockShared(JdbcClient jdbc, Object key) {
        jdbc.sql("select 1 from pg_advisory_xact_lock_shared(:lock, hashtext(:key))")
                .param("lock", number)
                .param("key", key.toString())
                .query(Integer.class)
                .single();
    }
}
