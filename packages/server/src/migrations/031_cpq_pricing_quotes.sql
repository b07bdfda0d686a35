-- CPQ (issue 11): price books, promotions with budgets, rebate policies and margin floors (domains/pricing), and
-- quotes with their lines, priced versions and share links (domains/quotes). The pricing engine itself is pure
-- (packages/shared/src/pricing); these tables feed it and keep what it decided.
-- Products are the catalog's SKUs (migration 026); lines and entries keep the SKU id and, on quote lines, the code and
-- name as quoted, so a quote reads the same after the catalog changes.

-- A price book: who it is for (every named field must match the buyer; none named: everyone), its priority among
-- equally specific books, and its dates. Entries inherit the book's scope and priority (docs/pricing.md).
create table price_books (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  code text not null check (length(code) between 1 and 40),
  name text not null,
  currency text not null default 'CNY',
  customer_id uuid,
  dealer_id uuid,
  channel text,
  grade text,
  region text,
  priority int not null default 0,
  valid_from date,
  valid_to date,
  active boolean not null default true,
  created_by uuid,
  created_at timestamptz not null default now(),
  version int not null default 1,
  primary key (tenant_id, id),
  unique (tenant_id, code),
  check (valid_to is null or valid_from is null or valid_to >= valid_from),
  foreign key (tenant_id, customer_id) references customers (tenant_id, id),
  foreign key (tenant_id, dealer_id) references customers (tenant_id, id),
  foreign key (tenant_id, created_by) references users (tenant_id, id)
);
select l2c_tenant_table('price_books');

-- One product's price in a book: fixed, tiers (range / slab), cost-plus or another book − x % (the engine's PriceRule
-- as JSON). Its own dates narrow the book's. Looked up by SKU: a quote loads only the entries of its own products.
create table price_book_entries (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  book_id uuid not null,
  sku_id uuid not null,
  rule jsonb not null,
  valid_from date,
  valid_to date,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, book_id) references price_books (tenant_id, id) on delete cascade
);
create index price_book_entries_sku on price_book_entries (tenant_id, sku_id);
create index price_book_entries_book on price_book_entries (tenant_id, book_id);
select l2c_tenant_table('price_book_entries');

-- A per-unit surcharge for an attribute value (电压 = 380V: +12.50), on one SKU or a whole category.
create table price_surcharges (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  sku_id uuid,
  category_id text,
  attribute text not null,
  value text not null,
  amount_per_unit numeric(18,6) not null,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  check ((sku_id is null) <> (category_id is null))
);
select l2c_tenant_table('price_surcharges');

-- The lowest margin allowed without approval, per SKU or per category (the SKU's own wins).
create table margin_floors (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  sku_id uuid,
  category_id text,
  min_margin numeric(7,4) not null check (min_margin > -1 and min_margin < 1),
  primary key (tenant_id, id),
  check ((sku_id is null) <> (category_id is null))
);
create unique index margin_floors_target on margin_floors (tenant_id, coalesce(sku_id::text, ''), coalesce(category_id, ''));
select l2c_tenant_table('margin_floors');

-- A promotion budget: what its promotions may give away in total. `remaining` is lowered by reservations under the
-- row lock and never below zero (the check backs the lock up); the facts below say why it moved.
create table promotion_budgets (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  code text not null check (length(code) between 1 and 40),
  name text not null,
  currency text not null default 'CNY',
  amount numeric(18,2) not null check (amount >= 0),
  remaining numeric(18,2) not null check (remaining >= 0),
  created_at timestamptz not null default now(),
  version int not null default 1,
  primary key (tenant_id, id),
  unique (tenant_id, code),
  check (remaining <= amount)
);
select l2c_tenant_table('promotion_budgets', 'select, insert, update');

create table promotions (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  code text not null check (length(code) between 1 and 40),
  name text not null,
  stacking_group text not null default 'default',
  stacking text not null default 'stackable' check (stacking in ('exclusive', 'stackable', 'best_of')),
  priority int not null default 0,
  scope jsonb not null default '{}'::jsonb,
  valid_from date,
  valid_to date,
  budget_id uuid,
  rule jsonb not null,
  active boolean not null default true,
  created_by uuid,
  created_at timestamptz not null default now(),
  version int not null default 1,
  primary key (tenant_id, id),
  unique (tenant_id, code),
  foreign key (tenant_id, budget_id) references promotion_budgets (tenant_id, id),
  foreign key (tenant_id, created_by) references users (tenant_id, id)
);
create index promotions_active on promotions (tenant_id, active, valid_from, valid_to);
select l2c_tenant_table('promotions');

-- Rebate 返利 terms per customer grade (null grade: the default): 当单比例, the share of an order the rebate balance may
-- pay, and the accrual rate on what the customer pays.
create table rebate_policies (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  grade text,
  max_order_ratio numeric(7,4) not null check (max_order_ratio >= 0 and max_order_ratio <= 1),
  accrual_rate numeric(7,4) not null default 0 check (accrual_rate >= 0 and accrual_rate < 1),
  primary key (tenant_id, id)
);
create unique index rebate_policies_grade on rebate_policies (tenant_id, coalesce(grade, ''));
select l2c_tenant_table('rebate_policies');

-- Quotes 报价单. The header holds what the rep edits; every change is priced once into a version (below). The quote is
-- approved for one content hash: any later change makes a new hash, and the quote needs approval again.
create table quotes (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  number text not null,
  customer_id uuid not null,
  owner_id uuid,
  title text not null,
  currency text not null default 'CNY',
  prices_include_tax boolean not null default true,
  status text not null default 'draft' check (status in ('draft', 'pending_approval', 'approved', 'accepted', 'rejected', 'expired')),
  valid_until date not null,
  order_discount_rate numeric(9,6) not null default 0 check (order_discount_rate >= 0 and order_discount_rate < 1),
  rebate_requested numeric(18,2),
  notes text,
  current_version_id uuid,
  approved_hash text,
  contract_id uuid,
  accepted_at timestamptz,
  decided_reason text,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version int not null default 1,
  primary key (tenant_id, id),
  unique (tenant_id, number),
  foreign key (tenant_id, customer_id) references customers (tenant_id, id),
  foreign key (tenant_id, owner_id) references users (tenant_id, id),
  foreign key (tenant_id, created_by) references users (tenant_id, id),
  foreign key (tenant_id, contract_id) references contracts (tenant_id, id)
);
create index quotes_customer on quotes (tenant_id, customer_id, created_at);
create index quotes_owner on quotes (tenant_id, owner_id, created_at);
create index quotes_status on quotes (tenant_id, status, valid_until);
select l2c_tenant_table('quotes', 'select, insert, update');

-- The lines as the rep left them: a catalog SKU (with chosen attributes, or a configured bundle's choices) or a one-off
-- free line with its own price (free_line). Ordered by position; a group name gathers lines under a heading.
create table quote_lines (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  quote_id uuid not null,
  position int not null,
  group_name text,
  sku_id uuid,
  product_code text,
  description text not null,
  unit text,
  quantity numeric(18,4) not null check (quantity > 0),
  attributes jsonb not null default '{}'::jsonb,
  configuration jsonb,
  discount_rate numeric(9,6) not null default 0 check (discount_rate >= 0 and discount_rate < 1),
  free_line boolean not null default false,
  unit_price numeric(18,6),
  unit_cost numeric(18,6),
  tax_rate numeric(5,4),
  primary key (tenant_id, id),
  foreign key (tenant_id, quote_id) references quotes (tenant_id, id) on delete cascade,
  check (free_line = (sku_id is null)),
  check (not free_line or unit_price is not null)
);
create index quote_lines_quote on quote_lines (tenant_id, quote_id, position);
select l2c_tenant_table('quote_lines');

-- A priced version: the snapshot of lines and prices the engine produced (with its trace), and the SHA-256 of its
-- canonical JSON. Immutable once written.
create table quote_versions (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  quote_id uuid not null,
  seq int not null,
  content_hash text not null check (content_hash ~ '^[0-9a-f]{64}$'),
  snapshot jsonb not null,
  amount_incl_tax numeric(18,2) not null,
  discount_amount numeric(18,2) not null,
  approval_required boolean not null,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, quote_id, seq),
  foreign key (tenant_id, quote_id) references quotes (tenant_id, id),
  foreign key (tenant_id, created_by) references users (tenant_id, id)
);
select l2c_tenant_table('quote_versions', 'select, insert');
alter table quotes add constraint quotes_current_version_fkey foreign key (tenant_id, current_version_id) references quote_versions (tenant_id, id);

-- Budget facts: a reservation when a version is priced, its release (a reversing fact) when the version is replaced or
-- the quote is rejected or expires, and its consumption when the quote is accepted. Append-only; one consumption per
-- version (a retried acceptance consumes once).
create table promotion_budget_facts (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  budget_id uuid not null,
  quote_id uuid not null,
  quote_version_id uuid not null,
  kind text not null check (kind in ('reserve', 'release', 'consume')),
  amount numeric(18,2) not null check (amount > 0),
  created_by uuid,
  created_at timestamptz not null default clock_timestamp(),
  primary key (tenant_id, id),
  foreign key (tenant_id, budget_id) references promotion_budgets (tenant_id, id),
  foreign key (tenant_id, quote_id) references quotes (tenant_id, id),
  foreign key (tenant_id, quote_version_id) references quote_versions (tenant_id, id)
);
create unique index promotion_budget_facts_once on promotion_budget_facts (tenant_id, quote_version_id, budget_id, kind);
create index promotion_budget_facts_budget on promotion_budget_facts (tenant_id, budget_id, created_at);
select l2c_tenant_table('promotion_budget_facts', 'select, insert');

-- Share links 分享链接: a customer opens the quote read-only with a token until it expires. Only the hash is kept; the
-- link carries no tenant and is found by its hash (as the owner role, like a password link).
create table quote_share_links (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  quote_id uuid not null,
  token_hash text not null,
  expires_at timestamptz not null,
  created_by uuid,
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  primary key (tenant_id, id),
  unique (tenant_id, token_hash),
  foreign key (tenant_id, quote_id) references quotes (tenant_id, id),
  foreign key (tenant_id, created_by) references users (tenant_id, id)
);
create index quote_share_links_token on quote_share_links (token_hash);
select l2c_tenant_table('quote_share_links', 'select, insert, update');
