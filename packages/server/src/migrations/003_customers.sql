-- Customers (accounts), contacts and follow-up records; the public pool is a customer without an owner.
create table customers (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  number text not null,
  name text not null,
  name_key text not null,            -- normalised name for the duplicate check (suffixes and punctuation removed)
  credit_code text,
  industry text,
  region text,
  grade text check (grade in ('A','B','C','D')),
  source text not null default 'manual',
  phone text,
  phone_key text,                     -- digits only, for the duplicate check
  address text,
  website text,
  remark text,
  owner_id uuid references users(id),
  parent_id uuid references customers(id),
  pool_entered_at timestamptz,        -- set while the customer is in the public pool (owner_id is null)
  last_followup_at timestamptz,
  owner_since timestamptz not null default now(),
  version int not null default 1,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, number),
  check ((owner_id is null) = (pool_entered_at is not null))
);
create unique index customers_credit_code on customers (tenant_id, credit_code) where credit_code is not null;
create index customers_name_key on customers (tenant_id, name_key);
create index customers_phone_key on customers (tenant_id, phone_key) where phone_key is not null;
create index customers_owner_created on customers (tenant_id, owner_id, created_at desc, id desc);
create index customers_created on customers (tenant_id, created_at desc, id desc);
create index customers_pool on customers (tenant_id, pool_entered_at desc) where owner_id is null;
create index customers_parent on customers (tenant_id, parent_id) where parent_id is not null;
select l2c_tenant_table('customers');

create table contacts (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  customer_id uuid not null references customers(id),
  name text not null,
  title text,
  mobile text,
  phone text,
  phone_key text,
  email text,
  decision_role text not null default 'other',
  is_primary boolean not null default false,
  remark text,
  version int not null default 1,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index contacts_customer on contacts (tenant_id, customer_id);
create index contacts_phone_key on contacts (tenant_id, phone_key) where phone_key is not null;
select l2c_tenant_table('contacts');

create table followups (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  customer_id uuid not null references customers(id),
  contact_id uuid references contacts(id),
  kind text not null,
  content text not null,
  occurred_at timestamptz not null default now(),
  next_step text,
  next_date date,
  author_id uuid references users(id),
  created_at timestamptz not null default now()
);
create index followups_customer on followups (tenant_id, customer_id, occurred_at desc);
select l2c_tenant_table('followups', 'select, insert');

-- Claims from the pool, counted for the per-rep daily cap.
create table pool_events (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  customer_id uuid not null references customers(id),
  kind text not null check (kind in ('release','claim','reclaim','assign')),
  user_id uuid references users(id),
  reason text,
  at timestamptz not null default now()
);
create index pool_events_user_day on pool_events (tenant_id, user_id, kind, at);
select l2c_tenant_table('pool_events', 'select, insert');
