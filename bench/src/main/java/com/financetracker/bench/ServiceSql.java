package com.financetracker.bench;

/**
 * The SQL the expense service runs for a request, as pgbench scripts: the ceiling a request is measured against is
 * the database doing exactly this work with nothing in between. Keep these in step with the service's repositories.
 */
final class ServiceSql {

    private ServiceSql() {}

    /** One {@code GET /expenses?limit=50}: the page (ExpenseRepository.page) and the total (count, from the user's counts), one transaction. */
    static String list(String user) {
        return """
                BEGIN READ ONLY;
                select e.id, e.user_id, e.amount, e.currency, c.name as category, e.description, e.expense_date, e.tags, e.created_at, e.updated_at, e.version from expenses e join categories c on c.id = e.category_id where e.user_id = '%1$s' order by e.expense_date desc, e.id desc limit 51;
                select coalesce(sum(expenses), 0) from expense_counts where user_id = '%1$s';
                COMMIT;
                """.formatted(user);
    }

    /** One {@code POST /expenses}: Accounts.ensureOpen, the category lookup and the insert, one transaction. */
    static String create(String user, String food) {
        return """
                \\set cents random(100, 50000)
                \\set day random(1, 28)
                BEGIN;
                select 1 from pg_advisory_xact_lock_shared(4, hashtext('%1$s'));
                select closed_at is not null from accounts where user_id = '%1$s';
                select wanted.key, c.id from unnest(cast(array['food'] as text[]), cast(array['Food'] as text[])) as wanted(key, name) join categories c on c.user_id = '%1$s' and lower(c.name) = lower(wanted.name);
                with e as (insert into expenses (user_id, amount, currency, category_id, description, expense_date, tags, fingerprint) values ('%1$s', :cents / 100.0, 'USD', '%2$s', null, make_date(2026, 3, :day), '{}', sha256(convert_to(random()::text, 'UTF8'))) returning *) select e.id, e.user_id, e.amount, e.currency, c.name as category, e.description, e.expense_date, e.tags, e.created_at, e.updated_at, e.version from e join categories c on c.id = e.category_id;
                COMMIT;
                """.formatted(user, food);
    }
}
