-- Bank statements 银行流水 (domains/bank-statements) and the payments they become.
--
-- A statement file (MT940, camt.053, CSV/Excel with a saved column mapping per bank) is imported once per content
-- (sha256); each statement in it once per fingerprint (account, currency, number, opening and closing balance and
-- dates); each line once per fingerprint (account, dates, amount, references, text, and its occurrence among equal
-- lines) — so a re-imported file or a later statement overlapping an earlier one books nothing twice. A statement
-- whose opening + lines ≠ closing is kept with its lines held: nothing is booked until a person accepts or rejects it.

-- A payment 待认领 (unclaimed) is money on our bank statement whose customer nobody knows yet: it has no customer
-- until it is matched or claimed 认领. Rejected stays possible without a customer (interest, a refund bounced back).
alter table payments alter column customer_id drop not null;
alter table payments drop constraint payments_status_check;
alter table payments add constraint payments_status_check check (status in ('unclaimed','claimed','confirmed','rejected'));
alter table payments add constraint payments_customer_known check (customer_id is not null or status in ('unclaimed','rejected'));
create index payments_unclaimed on payments (tenant_id, received_on) where status = 'unclaimed';

-- A bank's CSV/Excel layout: which column holds what, saved once per bank and reused on the next file.
create table bank_column_mappings (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  bank text not null,
  mapping jsonb not null,
  version int not null default 1,
  created_by uuid,
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, bank),
  foreign key (tenant_id, created_by) references users (tenant_id, id)
);
select l2c_tenant_table('bank_column_mappings', 'select, insert, update');

create table bank_statement_imports (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  file_name text not null,
  sha256 text not null,
  format text not null check (format in ('mt940','camt053','csv','xlsx')),
  mapping_id uuid,
  statements int not null default 0,
  lines_new int not null default 0,
  lines_known int not null default 0,
  imported_by uuid,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, sha256),
  foreign key (tenant_id, mapping_id) references bank_column_mappings (tenant_id, id),
  foreign key (tenant_id, imported_by) references users (tenant_id, id)
);
select l2c_tenant_table('bank_statement_imports');

create table bank_statements (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  import_id uuid not null,
  fingerprint text not null,
  seq int not null,                       -- its place in the file (a file may hold several statements)
  account text not null,
  currency text not null,
  reference text,                         -- MT940 :20: / camt Stmt/Id
  statement_number text,                  -- MT940 :28C: / camt ElctrncSeqNb
  opening_date date,
  opening_balance numeric(20,3) not null,
  closing_date date,
  closing_balance numeric(20,3) not null,
  credits numeric(20,3) not null,
  debits numeric(20,3) not null,          -- positive sum of the debit lines
  line_count int not null,
  status text not null check (status in ('balanced','unbalanced','accepted','rejected')),
  problem text,                           -- why it does not reconcile, in words a person can check
  decided_by uuid,
  decided_at timestamptz,
  decision_note text,
  version int not null default 1,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, fingerprint),
  foreign key (tenant_id, import_id) references bank_statement_imports (tenant_id, id),
  foreign key (tenant_id, decided_by) references users (tenant_id, id)
);
select l2c_tenant_table('bank_statements', 'select, insert, update');

create table bank_statement_lines (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  statement_id uuid not null,
  seq int not null,
  fingerprint text not null,
  booked_on date not null,
  value_on date,
  direction text not null check (direction in ('credit','debit')),
  currency text not null,
  amount numeric(20,3) not null check (amount > 0),
  payer_name text,
  payer_account text,
  remittance text,                        -- :86: / RmtInf / the CSV's purpose column, as the bank wrote it
  bank_reference text,
  customer_reference text,
  -- held: its statement does not reconcile yet · ignored: a debit, or its statement was rejected · unsupported: a
  -- currency L2C does not book · unclaimed: a payment 待认领 waits for matching or a claim · matched: written off
  status text not null check (status in ('held','ignored','unsupported','unclaimed','matched','rejected')),
  payment_id uuid,
  matched_by uuid,
  matched_how text check (matched_how in ('auto','confirmed','split','claimed')),
  matched_at timestamptz,
  -- The matcher's current proposal for a line still 待认领: { id, customerId, rule, confidence, reasons, allocations }.
  -- Kept on the line (one update per batch, no per-row key checks: 10,000 lines are proposed in one statement); the
  -- customer is checked again under its lock when the proposal is applied. A decided proposal is logged below.
  proposal jsonb,
  proposal_confidence int,
  version int not null default 1,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, fingerprint),
  foreign key (tenant_id, statement_id) references bank_statements (tenant_id, id),
  foreign key (tenant_id, payment_id) references payments (tenant_id, id),
  foreign key (tenant_id, matched_by) references users (tenant_id, id)
) with (fillfactor = 80);  -- room on the page: setting a proposal or a match is an update of every line of a batch
select l2c_tenant_table('bank_statement_lines', 'select, insert, update');
create index bank_statement_lines_statement on bank_statement_lines (tenant_id, statement_id, seq);
create index bank_statement_lines_open on bank_statement_lines (tenant_id, booked_on) where status = 'unclaimed';

-- Proposals decided: applied (automatically from confidence 90, or confirmed by a person) or rejected — with the
-- customer, the receivables and amounts, the confidence 0–100 and its reasons, as they were when decided.
create table bank_match_proposals (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  line_id uuid not null,
  customer_id uuid not null,
  rule text not null check (rule in ('reference','payer_amount','payer_set','payer_instalment','payer_only','amount_only')),
  confidence int not null check (confidence between 0 and 100),
  reasons jsonb not null,
  allocations jsonb not null,             -- [{ receivableId, number, amount }]
  status text not null check (status in ('applied','rejected')),
  write_off_id uuid,
  decided_by uuid,
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, line_id) references bank_statement_lines (tenant_id, id),
  foreign key (tenant_id, customer_id) references customers (tenant_id, id),
  foreign key (tenant_id, write_off_id) references write_offs (tenant_id, id),
  foreign key (tenant_id, decided_by) references users (tenant_id, id)
);
select l2c_tenant_table('bank_match_proposals', 'select, insert, update');
create index bank_match_proposals_line on bank_match_proposals (tenant_id, line_id);

-- Payer names and accounts learned when a person confirms a match: the next payment from them finds its customer.
create table bank_payer_aliases (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  customer_id uuid not null,
  kind text not null check (kind in ('name','account')),
  value text not null,                    -- normalised: upper case, no spaces or punctuation
  learned_from uuid,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, kind, value),
  foreign key (tenant_id, customer_id) references customers (tenant_id, id),
  foreign key (tenant_id, learned_from) references bank_statement_lines (tenant_id, id),
  foreign key (tenant_id, created_by) references users (tenant_id, id)
);
select l2c_tenant_table('bank_payer_aliases');
