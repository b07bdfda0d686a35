-- Aging at ten million receivables (issue 13, item 5). The report as of any day is a sum over a summary of how each
-- invoice's open amount steps over business days, instead of a walk over every open invoice (and, for a past day,
-- every allocation applied since).
--
-- The rule, per invoice R (amount A, booked on B) and business day D ≥ B:
--   open(R, D) = max(0, A − Σ allocations of R applied on or before D)      (an allocation dated before B counts on B)
-- which is what the as-of report has always computed from the facts. open(R, ·) is a step function; its steps
-- (day, Δ open amount, Δ "is open" 0/1) are what is stored, keyed by the invoice's currency, due date and the step's
-- day. The aging as of D is then, per due date, the sum of the steps dated on or before D: exact for every day, with
-- backdated write-offs, reversals (negative allocations) and bad debt, because a change to R's facts replaces R's
-- steps (the new steps minus the old ones) in the same transaction as the change.
--
-- Writes never update a shared row: the triggers only INSERT into aging_deltas (no lock between two write-offs of
-- different customers whose invoices share a due date — bench/writeoff.ts gives every customer the same due dates).
-- The job receivables.aging-compact folds the deltas into aging_summary (per currency, due date, day) and
-- aging_customer (per customer: the open amount and count after every step) and deletes them, in one statement, so a
-- reader (summary ∪ deltas, one snapshot) sees every fact exactly once at any moment.

create table aging_summary (
  tenant_id uuid not null references tenants(id),
  currency text not null,
  due_date date not null,
  event_date date not null,
  amount numeric(20,2) not null,
  n bigint not null,
  primary key (tenant_id, currency, due_date, event_date)
);
-- "Is anything dated after today?" (then the report as of today keeps reading the projection).
create index aging_summary_event on aging_summary (tenant_id, currency, event_date);
select l2c_tenant_table('aging_summary', 'select');

create table aging_customer (
  tenant_id uuid not null references tenants(id),
  currency text not null,
  customer_id uuid not null,
  amount numeric(20,2) not null,
  n bigint not null,
  primary key (tenant_id, currency, customer_id)
);
select l2c_tenant_table('aging_customer', 'select');

create table aging_deltas (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  currency text not null,
  customer_id uuid not null,
  due_date date not null,
  event_date date not null,
  amount numeric(20,2) not null,
  n int not null,
  primary key (tenant_id, id)
);
create index aging_deltas_event on aging_deltas (tenant_id, currency, event_date);
select l2c_tenant_table('aging_deltas', 'select');

-- The steps of the given invoices, counting every allocation except those in p_skip (the ones a statement just
-- inserted: the steps "before" it).
create function aging_steps(p_tenant uuid, p_ids uuid[], p_skip uuid[])
returns table (s_currency text, s_customer uuid, s_due date, s_day date, s_amount numeric, s_n int)
language sql stable as $$
  with ev as (
    select r.id, r.business_date as d, r.amount as delta
    from receivables r where r.tenant_id = p_tenant and r.id = any(p_ids) and r.kind = 'invoice'
    union all
    select a.receivable_id, greatest(a.applied_on, r.business_date), -a.amount
    from allocations a join receivables r on r.tenant_id = a.tenant_id and r.id = a.receivable_id
    where a.tenant_id = p_tenant and a.receivable_id = any(p_ids) and r.kind = 'invoice' and a.id <> all(p_skip)),
  cum as (
    select id, d, greatest(sum(sum(delta)) over (partition by id order by d), 0) as v from ev group by id, d),
  st as (
    select id, d, v - coalesce(lag(v) over w, 0) as dv, (v > 0)::int - coalesce((lag(v) over w > 0)::int, 0) as dc
    from cum window w as (partition by id order by d))
  select r.currency, r.customer_id, r.due_date, st.d, st.dv, st.dc
  from st join receivables r on r.tenant_id = p_tenant and r.id = st.id
  where st.dv <> 0 or st.dc <> 0
$$;

-- Security definer: the deltas are the database's bookkeeping, not something the application role may write.
create function aging_on_allocations() returns trigger language plpgsql security definer set search_path = public as $$
begin
  insert into aging_deltas (tenant_id, currency, customer_id, due_date, event_date, amount, n)
  select t.tenant_id, s.s_currency, s.s_customer, s.s_due, s.s_day, sum(s.s_amount * s.sign), sum(s.s_n * s.sign)
  from (select tenant_id, array_agg(distinct receivable_id) as ids, array_agg(id) as skip from new_rows group by tenant_id) t
    cross join lateral (
      select x.*, 1 as sign from aging_steps(t.tenant_id, t.ids, '{}'::uuid[]) x
      union all
      select y.*, -1 from aging_steps(t.tenant_id, t.ids, t.skip) y) s
  group by 1, 2, 3, 4, 5
  having sum(s.s_amount * s.sign) <> 0 or sum(s.s_n * s.sign) <> 0;
  return null;
end $$;
create trigger allocations_aging after insert on allocations
  referencing new table as new_rows for each statement execute function aging_on_allocations();

-- A new invoice has one step: open in full from its booking day (an insert cannot carry allocations yet).
create function aging_on_receivables() returns trigger language plpgsql security definer set search_path = public as $$
begin
  insert into aging_deltas (tenant_id, currency, customer_id, due_date, event_date, amount, n)
  select tenant_id, currency, customer_id, due_date, business_date, sum(amount), count(*)
  from new_rows where kind = 'invoice' group by 1, 2, 3, 4, 5;
  return null;
end $$;
create trigger receivables_aging after insert on receivables
  referencing new table as new_rows for each statement execute function aging_on_receivables();

-- What the steps are keyed by is part of the booked fact; no code changes it, and this keeps it so (a correction is a
-- credit note). Without this a changed due date would leave the summary wrong without a sound.
create function aging_fixed_columns() returns trigger language plpgsql as $$
begin
  raise exception 'receivables: amount, kind, currency, customer, booking and due date are fixed once booked (aging summary, migration 020)'
    using errcode = '55000';
end $$;
create trigger receivables_aging_fixed before update on receivables for each row
  when (old.amount is distinct from new.amount or old.kind is distinct from new.kind or old.currency is distinct from new.currency
     or old.customer_id is distinct from new.customer_id or old.business_date is distinct from new.business_date
     or old.due_date is distinct from new.due_date)
  execute function aging_fixed_columns();

-- Fold the pending deltas into the summaries (the job receivables.aging-compact; also after a bulk load).
create function aging_compact() returns bigint language plpgsql as $$
declare moved_rows bigint;
begin
  with moved as (delete from aging_deltas returning *),
  s as (
    insert into aging_summary as t (tenant_id, currency, due_date, event_date, amount, n)
    select tenant_id, currency, due_date, event_date, sum(amount), sum(n) from moved group by 1, 2, 3, 4
    on conflict (tenant_id, currency, due_date, event_date) do update set amount = t.amount + excluded.amount, n = t.n + excluded.n),
  c as (
    insert into aging_customer as t (tenant_id, currency, customer_id, amount, n)
    select tenant_id, currency, customer_id, sum(amount), sum(n) from moved group by 1, 2, 3
    on conflict (tenant_id, currency, customer_id) do update set amount = t.amount + excluded.amount, n = t.n + excluded.n)
  select count(*) into moved_rows from moved;
  return moved_rows;
end $$;

-- Recompute one tenant's summaries from its facts, set-based (the migration's backfill, a bulk load, and the test
-- that the maintained summary equals the recomputation). The same step rule as aging_steps, over every invoice.
create function aging_rebuild(p_tenant uuid) returns void language plpgsql as $$
begin
  delete from aging_deltas where tenant_id = p_tenant;
  delete from aging_summary where tenant_id = p_tenant;
  delete from aging_customer where tenant_id = p_tenant;
  create temporary table aging_rebuild_steps on commit drop as
  with ev as (
    select r.id, r.business_date as d, r.amount as delta from receivables r where r.tenant_id = p_tenant and r.kind = 'invoice'
    union all
    select a.receivable_id, greatest(a.applied_on, r.business_date), -a.amount
    from allocations a join receivables r on r.tenant_id = a.tenant_id and r.id = a.receivable_id
    where a.tenant_id = p_tenant and r.kind = 'invoice'),
  cum as (
    select id, d, greatest(sum(sum(delta)) over (partition by id order by d), 0) as v from ev group by id, d),
  st as (
    select id, d, v - coalesce(lag(v) over w, 0) as dv, (v > 0)::int - coalesce((lag(v) over w > 0)::int, 0) as dc
    from cum window w as (partition by id order by d))
  select r.currency, r.customer_id, r.due_date, st.d, st.dv, st.dc
  from st join receivables r on r.tenant_id = p_tenant and r.id = st.id
  where st.dv <> 0 or st.dc <> 0;
  insert into aging_summary (tenant_id, currency, due_date, event_date, amount, n)
  select p_tenant, currency, due_date, d, sum(dv), sum(dc) from aging_rebuild_steps group by 2, 3, 4;
  insert into aging_customer (tenant_id, currency, customer_id, amount, n)
  select p_tenant, currency, customer_id, sum(dv), sum(dc) from aging_rebuild_steps group by 2, 3;
  drop table aging_rebuild_steps;
end $$;

select aging_rebuild(id) from tenants;
