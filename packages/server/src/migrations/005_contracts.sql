-- Contracts: framework agreements 框架协议 and order contracts 订单合同, their lines and payment plans 回款计划.
-- Commercial terms are locked once signed; changes go through amendments 补充协议.
create table contracts (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  number text not null,
  kind text not null check (kind in ('framework','order')),
  customer_id uuid not null references customers(id),
  framework_id uuid references contracts(id),      -- an order contract may call off a framework agreement
  title text not null,
  status text not null default 'draft'
    check (status in ('draft','in_approval','approved','signed','in_performance','completed','terminated')),
  currency text not null default 'CNY',
  amount_excl_tax numeric(18,2) not null default 0,
  tax_amount numeric(18,2) not null default 0,
  amount_incl_tax numeric(18,2) not null default 0,
  prices_include_tax boolean not null default true,
  payment_term_days int not null default 30,
  delivery_terms text,
  payment_terms text,
  period_start date,
  period_end date,
  product_scope text,                               -- framework agreements: what the agreed prices cover
  rebate_terms text,                                -- framework agreements: rebate 返利 terms
  max_discount_rate numeric(7,6) not null default 0, -- the deepest line discount, a fact for approval rules
  signed_on date,
  signatories jsonb not null default '[]'::jsonb,   -- [{name, party: customer|company, title}]
  signed_file_id uuid,                              -- contract_files row of the signed document
  credit_override boolean not null default false,   -- approved although over the credit limit (approvers saw it)
  status_reason text,                               -- why it was terminated / returned
  owner_id uuid references users(id),
  version int not null default 1,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, number),
  check (amount_incl_tax = amount_excl_tax + tax_amount)
);
create index contracts_customer on contracts (tenant_id, customer_id);
create index contracts_status on contracts (tenant_id, status);
select l2c_tenant_table('contracts');

create table contract_lines (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  contract_id uuid not null references contracts(id),
  line_no int not null,
  product_code text,
  description text not null,
  quantity numeric(18,4) not null check (quantity > 0),
  unit text,
  unit_price numeric(18,6) not null check (unit_price >= 0),
  discount_rate numeric(7,6) not null default 0 check (discount_rate >= 0 and discount_rate < 1),
  tax_rate numeric(5,4) not null check (tax_rate in (0, 0.06, 0.09, 0.13)),
  amount_excl_tax numeric(18,2) not null,
  tax_amount numeric(18,2) not null,
  amount_incl_tax numeric(18,2) not null,
  unique (contract_id, line_no),
  check (amount_incl_tax = amount_excl_tax + tax_amount)
);
select l2c_tenant_table('contract_lines');

-- Instalments of the payment plan; they add back to the contract total to the cent (checked by the service).
create table contract_instalments (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  contract_id uuid not null references contracts(id),
  seq int not null,
  trigger text not null check (trigger in ('date','on_signing','on_delivery','on_acceptance')),
  due_date date,                      -- for 'date'; for event triggers: the expected date
  due_days_after_trigger int not null default 0,
  percent numeric(9,6),
  amount numeric(18,2) not null check (amount >= 0),  -- 0 only while a draft has no lines yet; submit requires > 0
  method text,
  owner_id uuid references users(id),
  milestone text,
  tax_amount numeric(18,2) not null default 0,   -- the instalment's share of the contract's tax (split to the cent)
  triggered_on date,                             -- when its trigger happened (signed, delivered, accepted, date reached)
  unique (contract_id, seq)
);
create index contract_instalments_due on contract_instalments (tenant_id, due_date);
select l2c_tenant_table('contract_instalments');

-- The signed document: content kept in the database with its SHA-256, so what was signed can be proven later.
create table contract_files (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  contract_id uuid not null references contracts(id),
  kind text not null default 'signed' check (kind in ('signed','attachment')),
  file_name text not null,
  content_type text not null,
  size_bytes int not null check (size_bytes > 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea not null,
  uploaded_by uuid references users(id),
  created_at timestamptz not null default now()
);
create index contract_files_contract on contract_files (tenant_id, contract_id);
select l2c_tenant_table('contract_files', 'select, insert');
alter table contracts add constraint contracts_signed_file_fk foreign key (signed_file_id) references contract_files(id);

-- Amendments 补充协议: the only way commercial terms change after signing. They go through approval and apply on
-- approval; before / after keep the history of what the contract said.
create table contract_amendments (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  contract_id uuid not null references contracts(id),
  seq int not null,
  number text not null,
  status text not null default 'in_approval' check (status in ('in_approval','approved','rejected','returned','cancelled')),
  reason text not null,
  base_version int not null,                       -- the contract version the amendment was written against
  proposal jsonb not null,                         -- the changed terms as submitted (lines, plan, terms)
  before jsonb not null default '{}'::jsonb,       -- the terms replaced, filled when applied
  after jsonb not null default '{}'::jsonb,        -- the terms in force after applying
  amount_before numeric(18,2) not null,
  amount_after numeric(18,2) not null,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  decided_at timestamptz,
  unique (contract_id, seq),
  unique (tenant_id, number)
);
create unique index contract_amendments_one_open on contract_amendments (contract_id) where status = 'in_approval';
select l2c_tenant_table('contract_amendments', 'select, insert, update');
