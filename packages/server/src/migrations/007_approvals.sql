-- Approval engine: rules per document type, requests with their resolved chain of steps, and an append-only log of
-- actions. Requests snapshot the facts and the chain at submission, so editing a definition never changes a request
-- in flight.
create table approval_definitions (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  doc_type text not null,
  name text not null,
  rules jsonb not null,
  version int not null default 1,
  updated_by uuid references users(id),
  updated_at timestamptz not null default now(),
  unique (tenant_id, doc_type)
);
select l2c_tenant_table('approval_definitions', 'select, insert, update');

create table approval_requests (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  doc_type text not null,
  doc_id uuid not null,
  doc_number text not null,
  title text not null,
  audit_entity_type text not null,                -- where the steps are written in the audit trail (e.g. the contract)
  audit_entity_id uuid not null,
  status text not null default 'pending' check (status in ('pending','approved','rejected','returned','cancelled')),
  current_seq int,
  facts jsonb not null default '{}'::jsonb,
  definition_version int,
  submitted_by uuid references users(id),
  created_at timestamptz not null default now(),
  decided_at timestamptz
);
create unique index approval_requests_one_pending on approval_requests (tenant_id, doc_type, doc_id) where status = 'pending';
create index approval_requests_doc on approval_requests (tenant_id, doc_type, doc_id, created_at);
create index approval_requests_submitter on approval_requests (tenant_id, submitted_by, created_at desc);
select l2c_tenant_table('approval_requests', 'select, insert, update');

create table approval_steps (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  request_id uuid not null references approval_requests(id),
  seq int not null,
  name text not null,
  rule text,
  approver jsonb not null,                         -- the definition: {type: role|manager|user, ...}
  approver_ids uuid[] not null,                    -- resolved at submission: any one of them acts
  status text not null check (status in ('waiting','pending','approved','rejected','returned','cancelled')),
  pending_since timestamptz,
  acted_by uuid references users(id),
  acted_at timestamptz,
  comment text,
  unique (request_id, seq)
);
create index approval_steps_pending on approval_steps (tenant_id, status) where status = 'pending';
select l2c_tenant_table('approval_steps', 'select, insert, update');

create table approval_actions (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  request_id uuid not null references approval_requests(id),
  step_seq int,
  action text not null check (action in ('submit','approve','reject','return','cancel','auto_approve')),
  actor_id uuid references users(id),
  comment text,
  at timestamptz not null default clock_timestamp()
);
create index approval_actions_request on approval_actions (tenant_id, request_id, at);
select l2c_tenant_table('approval_actions', 'select, insert');
