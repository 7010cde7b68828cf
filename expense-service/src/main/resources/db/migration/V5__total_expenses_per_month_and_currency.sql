-- Totals of each user's expenses per month and currency, whatever their category, so that a summary by month reads a
-- row per month and currency (and slot) instead of one per month, category and currency: a tenth or less of the rows,
-- and no grouping of categories away. Kept by the same triggers as expense_totals, in the same statements, spread
-- over the same slots; a total is the sum of its slots, and a month whose count sums to zero has no expenses left.
create table expense_month_totals (
    user_id  uuid     not null,
    month    date     not null,
    currency text     not null,
    slot     smallint not null,
    total    numeric  not null,
    expenses bigint   not null,
    primary key (user_id, month, currency, slot)
);

create or replace function total_expenses_per_month() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into expense_totals (user_id, month, category_id, currency, slot, total, expenses)
        select user_id, date_trunc('month', expense_date)::date, category_id, currency, pg_backend_pid() % 16,
               sum(amount), count(*)
          from new_rows
         group by 1, 2, 3, 4
        on conflict (user_id, month, category_id, currency, slot) do update
            set total = expense_totals.total + excluded.total, expenses = expense_totals.expenses + excluded.expenses;
        insert into expense_month_totals (user_id, month, currency, slot, total, expenses)
        select user_id, date_trunc('month', expense_date)::date, currency, pg_backend_pid() % 16, sum(amount), count(*)
          from new_rows
         group by 1, 2, 3
        on conflict (user_id, month, currency, slot) do update
            set total = expense_month_totals.total + excluded.total,
                expenses = expense_month_totals.expenses + excluded.expenses;
    elsif tg_op = 'DELETE' then
        insert into expense_totals (user_id, month, category_id, currency, slot, total, expenses)
        select user_id, date_trunc('month', expense_date)::date, category_id, currency, pg_backend_pid() % 16,
               -sum(amount), -count(*)
          from old_rows
         group by 1, 2, 3, 4
        on conflict (user_id, month, category_id, currency, slot) do update
            set total = expense_totals.total + excluded.total, expenses = expense_totals.expenses + excluded.expenses;
        insert into expense_month_totals (user_id, month, currency, slot, total, expenses)
        select user_id, date_trunc('month', expense_date)::date, currency, pg_backend_pid() % 16, -sum(amount),
               -count(*)
          from old_rows
         group by 1, 2, 3
        on conflict (user_id, month, currency, slot) do update
            set total = expense_month_totals.total + excluded.total,
                expenses = expense_month_totals.expenses + excluded.expenses;
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
        insert into expense_month_totals (user_id, month, currency, slot, total, expenses)
        select user_id, month, currency, pg_backend_pid() % 16, sum(amount), sum(change)
          from (select user_id, date_trunc('month', expense_date)::date as month, currency, amount, 1 as change
                  from new_rows
                 union all
                select user_id, date_trunc('month', expense_date)::date, currency, -amount, -1
                  from old_rows) as changes
         group by 1, 2, 3
        -- nor does one that keeps month, currency and amount (a new category, or a category merged into another)
        having sum(change) <> 0 or sum(amount) <> 0
        on conflict (user_id, month, currency, slot) do update
            set total = expense_month_totals.total + excluded.total,
                expenses = expense_month_totals.expenses + excluded.expenses;
    end if;
    return null;
end
$$;

insert into expense_month_totals (user_id, month, currency, slot, total, expenses)
select user_id, date_trunc('month', expense_date)::date, currency, 0, sum(amount), count(*)
  from expenses
 group by 1, 2, 3;
