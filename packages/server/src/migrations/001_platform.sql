-- Platform: tenants, the application role, row-level security helper, audit trail, document numbers, jobs.

-- Requests run as l2c_app (SET LOCAL ROLE), which is not the table owner, so RLS applies to it.
do $$ begin
  if not exists (select 1 from pg_roles where rolname = 'l2c_app') then
    create role l2c_app nologin;
  end if;
end $$;
grant usage on schema public to l2c_app;

-- The tenant of the current transaction; null when unset (then no tenant rows are visible).
create or replace function app_tenant_id() returns uuid language sql stable as $$
  select nullif(current_setting('app.tenant_id', true), '')::uuid
$$;

-- Every tenant-owned table calls this: RLS on, a policy that confines rows to app_tenant_id(), and grants.
create or replace function l2c_tenant_table(tbl regclass, privileges text default 'select, insert, update, delete')
returns void language plpgsql as $$
begin
  execute format('alter table %s enable row level security', tbl);
  execute format('drop policy if exists tenant_isolation on %s', tbl);
  execute format('create policy tenant_isolation on %s using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id())', tbl);
  execute format('grant %s on %s to l2c_app', privileges, tbl);
end $$;

create table tenants (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9-]{2,60}$'),
  name text not null,
  timezone text not null default 'Asia/Shanghai',
  settings jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);
alter table tenants enable row level security;
create policy tenant_self on tenants using (id = app_tenant_id());
grant select on tenants to l2c_app;

-- Append-only: the application role may insert and read, never update or delete.
create table audit_log (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  at timestamptz not null default clock_timestamp(),
  actor_id uuid,
  action text not null,
  entity_type text not null,
  entity_id uuid not null,
  changes jsonb not null default '[]'::jsonb,
  request_id text
);
create index audit_log_entity on audit_log (tenant_id, entity_type, entity_id, at desc);
create index audit_log_at on audit_log (tenant_id, at desc, id desc);
select l2c_tenant_table('audit_log', 'select, insert');

-- Human document numbers (KH-2026-000123), gap-tolerant, unique per tenant, type and year.
create table doc_sequences (
  tenant_id uuid not null references tenants(id),
  doc_type text not null,
  year int not null,
  last_value bigint not null default 0,
  primary key (tenant_id, doc_type, year)
);
select l2c_tenant_table('doc_sequences');

-- Scheduled jobs: a run key (e.g. the day) is claimed by exactly one process across all servers.
create table job_runs (
  job text not null,
  run_key text not null,
  owner text not null,
  lease_until timestamptz not null,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  result jsonb,
  primary key (job, run_key)
);

-- Idempotency keys for writes that create facts: same key + same body returns the first result.
create table idempotency_keys (
  tenant_id uuid not null references tenants(id),
  key text not null,
  scope text not null,
  request_hash text not null,
  status_code int not null,
  response jsonb not null,
  created_at timestamptz not null default now(),
  primary key (tenant_id, scope, key)
);
select l2c_tenant_table('idempotency_keys', 'select, insert');
