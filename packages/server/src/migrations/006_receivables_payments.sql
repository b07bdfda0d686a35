-- Revenue management core: receivables 应收, payments 回款, write-offs 核销 (allocations), customer accounts, credit.
-- Money facts are immutable rows; corrections are new reversing rows. amount_open / amount_unapplied are projections
-- recomputed from the facts inside the transaction that adds a fact, under the row's lock (see ADR 0003).

create table notifications (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  user_id uuid not null references users(id),
  kind text not null,
  title text not null,
  body text,
  entity_type text,
  entity_id uuid,
  dedupe_key text not null,            -- e.g. 'overdue:<receivable>:<date>': one notice per thing per day
  created_at timestamptz not null default now(),
  read_at timestamptz,
  unique (tenant_id, user_id, dedupe_key)
);
create index notifications_user on notifications (tenant_id, user_id, created_at desc);
select l2c_tenant_table('notifications');

create table credit_profiles (
  tenant_id uuid not null references tenants(id),
  customer_id uuid primary key references customers(id),
  credit_limit numeric(18,2) not null default 0 check (credit_limit >= 0),
  payment_term_days int not null default 30 check (payment_term_days between 0 and 3650),
  risk_level text not null default 'normal' check (risk_level in ('low','normal','high')),
  version int not null default 1,
  updated_at timestamptz not null default now()
);
select l2c_tenant_table('credit_profiles');

create table receivables (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  number text not null,
  customer_id uuid not null references customers(id),
  contract_id uuid references contracts(id),
  instalment_id uuid references contract_instalments(id),
  kind text not null default 'invoice' check (kind in ('invoice','credit_note')),
  original_id uuid references receivables(id),          -- a credit note 红冲 points at what it corrects
  source text not null check (source in ('contract_signed','plan_date','delivery','milestone','order','service_period','usage','manual','credit_note')),
  source_key text,                                       -- a trigger's identity: the same trigger never books twice
  currency text not null default 'CNY',
  amount numeric(18,2) not null,                         -- with tax; negative for a credit note
  tax_amount numeric(18,2) not null default 0,
  business_date date not null,                           -- when it was booked (立应收)
  due_date date not null,
  owner_id uuid references users(id),
  reason text,
  amount_open numeric(18,2) not null,                    -- projection: |amount| − applied − bad debt, never negative
  bad_debt_amount numeric(18,2) not null default 0,      -- projection of bad-debt allocations
  overdue_marked_on date,                                -- set by the daily overdue job
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  unique (tenant_id, number),
  check ((kind = 'invoice' and amount > 0 and original_id is null) or (kind = 'credit_note' and amount < 0 and original_id is not null)),
  check (amount_open >= 0 and amount_open <= abs(amount)),
  check (bad_debt_amount >= 0)
);
create unique index receivables_source_key on receivables (tenant_id, source_key) where source_key is not null;
create index receivables_customer on receivables (tenant_id, customer_id, due_date);
create index receivables_open_due on receivables (tenant_id, due_date) include (amount_open, customer_id, owner_id) where amount_open > 0;
create index receivables_contract on receivables (tenant_id, contract_id) where contract_id is not null;
select l2c_tenant_table('receivables', 'select, insert, update');

create table payments (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  number text not null,
  customer_id uuid not null references customers(id),
  currency text not null default 'CNY',
  amount numeric(18,2) not null check (amount > 0),
  received_on date not null,
  method text not null check (method in ('bank_transfer','cash','online','acceptance_bill','check','other')),
  payer_name text,
  payer_account text,
  bank_reference text,
  remark text,
  attachments jsonb not null default '[]'::jsonb,
  status text not null default 'claimed' check (status in ('claimed','confirmed','rejected')),
  amount_unapplied numeric(18,2) not null,              -- projection: amount − applied
  registered_by uuid references users(id),
  confirmed_by uuid references users(id),
  confirmed_at timestamptz,
  rejected_reason text,
  version int not null default 1,
  created_at timestamptz not null default now(),
  unique (tenant_id, number),
  check (amount_unapplied >= 0 and amount_unapplied <= amount)
);
create index payments_customer on payments (tenant_id, customer_id, received_on);
create index payments_unapplied on payments (tenant_id, customer_id, received_on) where amount_unapplied > 0 and status = 'confirmed';
create unique index payments_bank_reference on payments (tenant_id, bank_reference) where bank_reference is not null and status <> 'rejected';
select l2c_tenant_table('payments', 'select, insert, update');

-- A write-off is one decision (apply, reverse, bad debt); its allocations are the money edges.
create table write_offs (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  number text not null,
  customer_id uuid not null references customers(id),
  kind text not null check (kind in ('apply','reverse','bad_debt')),
  reverses_id uuid unique references write_offs(id),     -- at most one reversal per write-off
  applied_on date not null,
  total numeric(18,2) not null,
  memo text,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  unique (tenant_id, number)
);
create index write_offs_customer on write_offs (tenant_id, customer_id, applied_on);
select l2c_tenant_table('write_offs', 'select, insert');

-- Append-only edge table between money in (payment, credit note, rebate) and money owed (receivable).
create table allocations (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  write_off_id uuid not null references write_offs(id),
  receivable_id uuid not null references receivables(id),
  source_type text not null check (source_type in ('payment','credit_note','rebate','bad_debt')),
  payment_id uuid references payments(id),
  credit_note_id uuid references receivables(id),
  amount numeric(18,2) not null check (amount <> 0),     -- negative on a reversing row
  reverses_id uuid unique references allocations(id),
  applied_on date not null,
  created_at timestamptz not null default now(),
  check ((source_type = 'payment') = (payment_id is not null)),
  check ((source_type = 'credit_note') = (credit_note_id is not null)),
  check ((amount < 0) = (reverses_id is not null))
);
create index allocations_receivable on allocations (tenant_id, receivable_id, applied_on);
create index allocations_payment on allocations (tenant_id, payment_id) where payment_id is not null;
create index allocations_credit_note on allocations (tenant_id, credit_note_id) where credit_note_id is not null;
select l2c_tenant_table('allocations', 'select, insert');

-- Customer accounts as append-only ledgers: prepaid (unapplied confirmed payments), rebate, credit (limit changes).
create table account_entries (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  customer_id uuid not null references customers(id),
  account text not null check (account in ('prepaid','rebate','credit')),
  amount numeric(18,2) not null check (amount <> 0),
  business_date date not null,
  kind text not null,
  ref_type text,
  ref_id uuid,
  memo text,
  created_by uuid references users(id),
  created_at timestamptz not null default clock_timestamp()  -- distinct within a transaction: orders the ledger
);
create index account_entries_customer on account_entries (tenant_id, customer_id, account, business_date);
select l2c_tenant_table('account_entries', 'select, insert');

-- Bad debt 坏账 needs a second person's approval before it is written off.
create table bad_debt_requests (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  receivable_id uuid not null references receivables(id),
  amount numeric(18,2) not null check (amount > 0),
  reason text not null,
  status text not null default 'pending' check (status in ('pending','approved','rejected')),
  requested_by uuid references users(id),
  decided_by uuid references users(id),
  decided_at timestamptz,
  decision_comment text,
  write_off_id uuid references write_offs(id),
  created_at timestamptz not null default now()
);
create index bad_debt_requests_status on bad_debt_requests (tenant_id, status, created_at);
select l2c_tenant_table('bad_debt_requests', 'select, insert, update');
