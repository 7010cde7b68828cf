-- How many expenses each category has, so that the category list (GET /categories, asked by every page of the web
-- app that offers categories) reads a few indexed rows instead of counting the user's whole history. Kept like
-- expense_counts: by triggers, in the transaction of every insert, delete and change of category, spread over
-- slots (one per connection modulo 16) so that concurrent writes do not queue on one row lock.
create table category_counts (
    category_id uuid     not null references categories (id) on delete cascade,
    slot        smallint not null,
    expenses    bigint   not null,
    primary key (category_id, slot)
);

create function count_expenses_per_category() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into category_counts (category_id, slot, expenses)
        select category_id, pg_backend_pid() % 16, count(*) from new_rows group by category_id
        on conflict (category_id, slot) do update set expenses = category_counts.expenses + excluded.expenses;
    elsif tg_op = 'DELETE' then
        insert into category_counts (category_id, slot, expenses)
        select category_id, pg_backend_pid() % 16, -count(*) from old_rows group by category_id
        on conflict (category_id, slot) do update set expenses = category_counts.expenses + excluded.expenses;
    else
        -- an edit that keeps the category adds one and takes one away: nothing is written for it
        insert into category_counts (category_id, slot, expenses)
        select category_id, pg_backend_pid() % 16, sum(change)
          from (select category_id, 1 as change from new_rows
                 union all
                select category_id, -1 from old_rows) as changes
         group by category_id
        having sum(change) <> 0
        on conflict (category_id, slot) do update set expenses = category_counts.expenses + excluded.expenses;
    end if;
    return null;
end
$$;

-- A trigger with transition tables cannot name columns (update of category_id): the update trigger sees every edit.
create trigger expenses_counted_per_category_on_insert after insert on expenses
    referencing new table as new_rows for each statement execute function count_expenses_per_category();
create trigger expenses_counted_per_category_on_delete after delete on expenses
    referencing old table as old_rows for each statement execute function count_expenses_per_category();
create trigger expenses_counted_per_category_on_update after update on expenses
    referencing old table as old_rows new table as new_rows for each statement
    execute function count_expenses_per_category();

insert into category_counts (category_id, slot, expenses)
select category_id, 0, count(*) from expenses group by category_id;
