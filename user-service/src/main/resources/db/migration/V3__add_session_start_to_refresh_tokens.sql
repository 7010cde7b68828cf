-- When the session (the family of refresh tokens) started: no refresh extends it past its absolute lifetime.
alter table refresh_tokens add column session_started_at timestamptz;

update refresh_tokens t
   set session_started_at = f.started_at
  from (select family_id, min(created_at) as started_at from refresh_tokens group by family_id) f
 where t.family_id = f.family_id;

alter table refresh_tokens alter column session_started_at set not null;
