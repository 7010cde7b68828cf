-- How many expenses each user has, so that the total of an unfiltered list (X-Total-Count) is a few indexed rows
-- instead of a count over the user's whole history. Triggers keep it, in the transaction of every insert and delete.
-- A user's count is spread over slots, one per connection modulo 16, so that concurrent creates of one user do not
-- queue on one row lock; the count is the sum of the slots.
create table expense_counts (
    user_id  uuid     not null,
    slot     smallint not null,
    expenses bigint   not null,
    primary key (user_id, slot)
);

create function count_expenses() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into expense_counts (user_id, slot, expenses)
        select user_id, pg_backend_pid() % 16, count(*) from new_rows group by user_id
        on conflict (user_id, slot) do update set expenses = expense_counts.expenses + excluded.expenses;
    else
        insert into expense_counts (user_id, slot, expenses)
        select user_id, pg_backend_pid() % 16, -count(*) from old_rows group by user_id
        on conflict (user_id, slot) do update set expenses = expense_counts.expenses + excluded.expenses;
    end if;
    return null;
end
$$;

create trigger expenses_inserted after insert on expenses
    referencing new table as new_rows for each statement execute function count_expenses();
create trigger expenses_deleted after delete on expenses
    referencing old table as old_rows for each statement execute function count_expenses();

insert into expense_counts (user_id, slot, expenses)
select user_id, 0, count(*) from expenses group by user_id;
