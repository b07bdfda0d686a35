-- Invoices 发票 (issue 12): invoice requests 开票申请 over receivables or contracts (orders later), approved through the
-- approval engine; issued fully digital e-invoices 数电票 (blue) with their lines; red-letter confirmations 红字确认单
-- and the red invoices 红字发票 they lead to. The invoices domain owns every table here (domains/invoices/tables.ts).

-- What has been asked for or invoiced against one source (a receivable, a contract, later an order): the row a
-- request locks FOR UPDATE before it checks that nothing is invoiced beyond the source's amount. `requested` is held by
-- pending and approved requests, `invoiced` by issued blue invoices less issued red ones.
create table invoice_positions (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  source_type text not null check (source_type in ('receivable', 'contract', 'order')),
  source_id uuid not null,
  currency text not null,
  ceiling numeric(18,2) not null check (ceiling >= 0),
  requested numeric(18,2) not null default 0 check (requested >= 0),
  invoiced numeric(18,2) not null default 0 check (invoiced >= 0),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, source_type, source_id),
  check (requested + invoiced <= ceiling)
);
select l2c_tenant_table('invoice_positions', 'select, insert, update');

create table invoice_requests (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  number text not null,
  customer_id uuid not null,
  invoice_type text not null check (invoice_type in ('special', 'ordinary')),   -- 专票 / 普票
  currency text not null,
  prices_include_tax boolean not null,
  amount_excl_tax numeric(18,2) not null,
  tax_amount numeric(18,2) not null,
  amount_incl_tax numeric(18,2) not null check (amount_incl_tax > 0),
  buyer_name text not null,
  buyer_taxpayer_id text,
  buyer_address_phone text,
  buyer_bank_account text,
  remarks text,
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected', 'cancelled', 'issued')),
  requested_by uuid,
  decided_by uuid,
  decided_at timestamptz,
  decision_comment text,
  version int not null default 1,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, number),
  check (amount_excl_tax + tax_amount = amount_incl_tax),
  foreign key (tenant_id, customer_id) references customers (tenant_id, id),
  foreign key (tenant_id, requested_by) references users (tenant_id, id),
  foreign key (tenant_id, decided_by) references users (tenant_id, id)
);
create index invoice_requests_customer on invoice_requests (tenant_id, customer_id, created_at);
create index invoice_requests_status on invoice_requests (tenant_id, status, created_at);
select l2c_tenant_table('invoice_requests', 'select, insert, update');

-- Which sources one request invoices, and how much of each (with tax). A request may cover several receivables; a
-- receivable may be covered by several requests, never beyond its amount (invoice_positions).
create table invoice_request_items (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  request_id uuid not null,
  seq int not null,
  source_type text not null check (source_type in ('receivable', 'contract', 'order')),
  receivable_id uuid,
  contract_id uuid,
  order_id uuid,                      -- orders do not exist yet: no foreign key until they do
  amount numeric(18,2) not null check (amount > 0),
  red_amount numeric(18,2) not null default 0 check (red_amount >= 0),   -- reversed by issued red invoices
  primary key (tenant_id, id),
  unique (tenant_id, request_id, seq),
  check (red_amount <= amount),
  check ((source_type = 'receivable') = (receivable_id is not null)),
  check (source_type <> 'contract' or contract_id is not null),
  check ((source_type = 'order') = (order_id is not null)),
  foreign key (tenant_id, request_id) references invoice_requests (tenant_id, id),
  foreign key (tenant_id, receivable_id) references receivables (tenant_id, id),
  foreign key (tenant_id, contract_id) references contracts (tenant_id, id)
);
create index invoice_request_items_receivable on invoice_request_items (tenant_id, receivable_id) where receivable_id is not null;
create index invoice_request_items_contract on invoice_request_items (tenant_id, contract_id) where contract_id is not null;
select l2c_tenant_table('invoice_request_items', 'select, insert, update');

-- The lines as they go on the invoice: tax classification code 税收分类编码 (free text until the catalog has it), name,
-- specification, unit, quantity, unit price, amount without tax, rate, tax. Each line's tax is rounded once; the
-- request's tax is the sum of its lines.
create table invoice_request_lines (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  request_id uuid not null,
  seq int not null,
  tax_code text,
  name text not null,
  specification text,
  unit text,
  quantity numeric(22,8),
  unit_price numeric(22,8),
  amount_excl_tax numeric(18,2) not null,
  tax_rate numeric(5,4) not null,
  tax_amount numeric(18,2) not null,
  amount_incl_tax numeric(18,2) not null,
  primary key (tenant_id, id),
  unique (tenant_id, request_id, seq),
  check (amount_excl_tax + tax_amount = amount_incl_tax),
  foreign key (tenant_id, request_id) references invoice_requests (tenant_id, id)
);
select l2c_tenant_table('invoice_request_lines', 'select, insert');

-- Red-letter confirmations 红字确认单: a request to reverse all or part of a blue invoice. Pending until confirmed (by
-- the buyer, as the tax platform records it), then the red invoice is issued against it; cancelled frees its amount.
create table red_confirmations (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  number text not null,
  blue_invoice_id uuid not null,
  reason text not null check (reason in ('sales_return', 'allowance', 'error', 'cancellation')),
  currency text not null,
  amount_excl_tax numeric(18,2) not null,
  tax_amount numeric(18,2) not null,
  amount_incl_tax numeric(18,2) not null check (amount_incl_tax > 0),   -- the magnitude reversed
  lines jsonb not null,               -- [{ seq (blue line), amountExclTax, taxAmount, amountInclTax }]
  allocations jsonb not null,         -- [{ itemId, amount }]: which request items the red amount reverses
  credit_note_id uuid,                -- the credit note 红冲 booked on the receivable for the same reversal, if any
  status text not null default 'pending' check (status in ('pending', 'confirmed', 'cancelled', 'issued')),
  remarks text,
  created_by uuid,
  confirmed_by uuid,
  confirmed_at timestamptz,
  version int not null default 1,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, number),
  check (amount_excl_tax + tax_amount = amount_incl_tax),
  foreign key (tenant_id, credit_note_id) references receivables (tenant_id, id),
  foreign key (tenant_id, created_by) references users (tenant_id, id),
  foreign key (tenant_id, confirmed_by) references users (tenant_id, id)
);
create index red_confirmations_blue on red_confirmations (tenant_id, blue_invoice_id);
select l2c_tenant_table('red_confirmations', 'select, insert, update');

-- Issued invoices: blue ones from an approved request (one per request), red ones from a confirmation (one per
-- confirmation). The number is the tax platform's 20-digit 数电票 number. Amounts of a red invoice are negative.
create table invoices (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  number text not null check (number ~ '^[0-9]{20}$'),
  color text not null check (color in ('blue', 'red')),
  invoice_type text not null check (invoice_type in ('special', 'ordinary')),
  request_id uuid,
  red_confirmation_id uuid,
  blue_invoice_id uuid,
  customer_id uuid not null,
  issue_date date not null,
  seller_name text not null,
  seller_taxpayer_id text not null,
  buyer_name text not null,
  buyer_taxpayer_id text,
  currency text not null,
  amount_excl_tax numeric(18,2) not null,
  tax_amount numeric(18,2) not null,
  amount_incl_tax numeric(18,2) not null,
  red_amount numeric(18,2) not null default 0 check (red_amount >= 0),   -- on a blue invoice: reversed by red ones
  remarks text,
  source text not null check (source in ('manual', 'import')),
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, number),
  unique (tenant_id, request_id),
  unique (tenant_id, red_confirmation_id),
  check (amount_excl_tax + tax_amount = amount_incl_tax),
  check ((color = 'blue' and request_id is not null and amount_incl_tax > 0 and blue_invoice_id is null and red_amount <= amount_incl_tax)
      or (color = 'red' and red_confirmation_id is not null and blue_invoice_id is not null and amount_incl_tax < 0 and red_amount = 0)),
  foreign key (tenant_id, request_id) references invoice_requests (tenant_id, id),
  foreign key (tenant_id, red_confirmation_id) references red_confirmations (tenant_id, id),
  foreign key (tenant_id, blue_invoice_id) references invoices (tenant_id, id),
  foreign key (tenant_id, customer_id) references customers (tenant_id, id),
  foreign key (tenant_id, created_by) references users (tenant_id, id)
);
create index invoices_customer on invoices (tenant_id, customer_id, issue_date);
select l2c_tenant_table('invoices', 'select, insert, update');

alter table red_confirmations add foreign key (tenant_id, blue_invoice_id) references invoices (tenant_id, id);

-- An issued invoice's lines: copied from the request (blue) or the confirmation (red, negative).
create table invoice_lines (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  invoice_id uuid not null,
  seq int not null,
  tax_code text,
  name text not null,
  specification text,
  unit text,
  quantity numeric(22,8),
  unit_price numeric(22,8),
  amount_excl_tax numeric(18,2) not null,
  tax_rate numeric(5,4) not null,
  tax_amount numeric(18,2) not null,
  amount_incl_tax numeric(18,2) not null,
  red_amount numeric(18,2) not null default 0 check (red_amount >= 0),   -- on a blue line: held by live confirmations
  primary key (tenant_id, id),
  unique (tenant_id, invoice_id, seq),
  check (amount_excl_tax + tax_amount = amount_incl_tax),
  check (red_amount <= abs(amount_incl_tax)),
  foreign key (tenant_id, invoice_id) references invoices (tenant_id, id)
);
select l2c_tenant_table('invoice_lines', 'select, insert, update');
