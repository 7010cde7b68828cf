-- Totals of each user's expenses per month, category and currency, so that a summary by month or by category reads
-- at most a row per month, category and currency (and slot) instead of the user's whole history. Kept like
-- expense_counts: by triggers, in the transaction of every insert, delete and change, spread over slots (one per
-- connection modulo 16) so that concurrent writes do not queue on one row lock. A total is the sum of its slots; a
-- group whose count sums to zero has no expenses left.
create table expense_totals (
    user_id     uuid     not null,
    month       date     not null,
    category_id uuid     not null references categories (id) on delete cascade,
    currency    text     not null,
    slot        smallint not null,
    total       numeric  not null,
    expenses    bigint   not null,
    primary key (user_id, month, category_id, currency, slot)
);

-- A transition table exists only for the operations its trigger names, so each branch reads only its own.
create function total_expenses_per_month() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into expense_totals (user_id, month, category_id, currency, slot, total, expenses)
        select user_id, date_trunc('month', expense_date)::date, category_id, currency, pg_backend_pid() % 16,
               sum(amount), count(*)
          from new_rows
         group by 1, 2, 3, 4
        on conflict (user_id, month, category_id, currency, slot) do update
            set total = expense_totals.total + excluded.total, expenses = expense_totals.expenses + excluded.expenses;
    elsif tg_op = 'DELETE' then
        insert into expense_totals (user_id, month, category_id, currency, slot, total, expenses)
        select user_id, date_trunc('month', expense_date)::date, category_id, currency, pg_backend_pid() % 16,
               -sum(amount), -count(*)
          from old_rows
         group by 1, 2, 3, 4
        on conflict (user_id, month, category_id, currency, slot) do update
            set total = expense_totals.total + excluded.total, expenses = expense_totals.expenses + excluded.expenses;
    else
        insert into expense_totals (user_id, month, category_id, currency, slot, total, expenses)
        select user_id, month, category_id, currency, pg_backend_pid() % 16, sum(amount), sum(change)
          from (select user_id, date_trunc('month', expense_date)::date as month, category_id, currency, amount,
                       1 as change
                  from new_rows
                 union all
                select user_id, date_trunc('month', expense_date)::date, category_id, currency, -amount, -1
                  from old_rows) as changes
         group by 1, 2, 3, 4
        -- an edit that keeps month, category, currency and amount (a new description) writes nothing
        having sum(change) <> 0 or sum(amount) <> 0
        on conflict (user_id, month, category_id, currency, slot) do update
            set total = expense_totals.total + excluded.total, expenses = expense_totals.expenses + excluded.expenses;
    end if;
    return null;
end
$$;

create trigger expenses_totalled_on_insert after insert on expenses
    referencing new table as new_rows for each statement execute function total_expenses_per_month();
create trigger expenses_totalled_on_delete after delete on expenses
    referencing old table as old_rows for each statement execute function total_expenses_per_month();
create trigger expenses_totalled_on_update after update on expenses
    referencing old table as old_rows new table as new_rows for each statement
    execute function total_expenses_per_month();

insert into expense_totals (user_id, month, category_id, currency, slot, total, expenses)
select user_id, date_trunc('month', expense_date)::date, category_id, currency, 0, sum(amount), count(*)
  from expenses
 group by 1, 2, 3, 4;
