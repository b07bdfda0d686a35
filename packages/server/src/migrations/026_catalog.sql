-- CPQ catalog (domains/catalog, issue 11 §1): what can be sold, in which units, to whom, and how bundles are built.
--
-- An SPU (标准产品单元) is a product as marketing names it ("L2C Cloud"); its SKUs (库存单元) are the variants actually
-- sold ("L2C Cloud Pro, annual"), one per combination of its specification values minus the excluded combinations.
-- Kind, product line, base unit, tax rate and 税收分类编码 are the SPU's, shared by every variant; list price and cost
-- are each SKU's. A SKU may be a bundle (a sales BOM): option groups of other SKUs, which may be bundles themselves.

create table product_lines (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  code text not null check (code ~ '^[A-Z0-9][A-Z0-9_-]{0,31}$'),
  name text not null,
  active boolean not null default true,
  version int not null default 1,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, code)
);
select l2c_tenant_table('product_lines');

-- Units of measure (件, 箱, 套, 人天 …). How many base units one of them holds is per SPU (spu_units): a box of cables
-- and a box of licences do not hold the same.
create table catalog_units (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  code text not null check (code ~ '^[a-z0-9][a-z0-9_-]{0,15}$'),
  name text not null,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, code)
);
select l2c_tenant_table('catalog_units');

create table spus (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  code text not null check (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,47}$'),
  name text not null,
  -- fulfilment will use it: goods ship, virtual goods are delivered as keys, services are performed, projects are staged
  kind text not null check (kind in ('goods', 'virtual', 'service', 'project')),
  product_line_id uuid,
  base_unit_id uuid not null,
  -- the rates contract lines accept (005_contracts.sql): a catalog line must fit a contract line
  tax_rate numeric(5,4) not null check (tax_rate in (0, 0.06, 0.09, 0.13)),
  -- 税收分类编码: the 19-digit goods and services tax classification code the invoice carries
  tax_code text check (tax_code ~ '^[0-9]{19}$'),
  description text,
  -- specification attributes [{code, name, values: [{code, name}]}] and the excluded value combinations
  -- [{attribute code: value code, …}] (a combination matching every pair of one exclusion is not a variant)
  attributes jsonb not null default '[]',
  exclusions jsonb not null default '[]',
  -- sellable scope: null = everyone; otherwise only customers of these grades / channels / regions
  sell_grades text[],
  sell_channels text[],
  sell_regions text[],
  status text not null default 'active' check (status in ('active', 'inactive')),
  version int not null default 1,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, code),
  foreign key (tenant_id, product_line_id) references product_lines (tenant_id, id),
  foreign key (tenant_id, base_unit_id) references catalog_units (tenant_id, id),
  foreign key (tenant_id, created_by) references users (tenant_id, id)
);
create index spus_product_line on spus (tenant_id, product_line_id);
select l2c_tenant_table('spus');

-- One unit of unit_id = factor base units of the SPU (1 箱 = 12 件). Exact decimals; the base unit itself has none.
create table spu_units (
  tenant_id uuid not null references tenants(id),
  spu_id uuid not null,
  unit_id uuid not null,
  factor numeric(20,8) not null check (factor > 0),
  primary key (tenant_id, spu_id, unit_id),
  foreign key (tenant_id, spu_id) references spus (tenant_id, id) on delete cascade,
  foreign key (tenant_id, unit_id) references catalog_units (tenant_id, id)
);
select l2c_tenant_table('spu_units');

create table skus (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  spu_id uuid not null,
  code text not null check (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
  name text not null,
  -- {attribute code: value code}; variant_key is their canonical text ("edition=pro;term=1y"), one SKU per combination
  attribute_values jsonb not null default '{}',
  variant_key text not null default '',
  currency text not null default 'CNY',
  list_price numeric(18,2) not null check (list_price >= 0),
  -- unit cost, for margins; unknown until someone enters it
  cost numeric(18,4) check (cost >= 0),
  is_bundle boolean not null default false,
  status text not null default 'active' check (status in ('active', 'inactive')),
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, code),
  unique (tenant_id, spu_id, variant_key),
  foreign key (tenant_id, spu_id) references spus (tenant_id, id)
);
select l2c_tenant_table('skus');

-- Sales BOM: a bundle SKU's option groups. required: at least one option chosen (and min_options);
-- max_options: at most that many distinct options.
create table bundle_groups (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  bundle_sku_id uuid not null,
  code text not null check (code ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$'),
  name text not null,
  required boolean not null default false,
  min_options int not null default 0 check (min_options >= 0),
  max_options int check (max_options >= 1),
  position int not null default 0,
  primary key (tenant_id, id),
  unique (tenant_id, bundle_sku_id, code),
  foreign key (tenant_id, bundle_sku_id) references skus (tenant_id, id),
  check (max_options is null or max_options >= min_options)
);
select l2c_tenant_table('bundle_groups');

-- An option: a SKU (perhaps itself a bundle: a multi-level BOM) with the quantity bounds per one parent bundle.
create table bundle_options (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  bundle_sku_id uuid not null,
  group_id uuid not null,
  sku_id uuid not null,
  is_default boolean not null default false,
  default_qty numeric(18,4) not null default 1 check (default_qty > 0),
  min_qty numeric(18,4) not null default 1 check (min_qty > 0),
  max_qty numeric(18,4) check (max_qty > 0),
  position int not null default 0,
  primary key (tenant_id, id),
  unique (tenant_id, group_id, sku_id),
  foreign key (tenant_id, bundle_sku_id) references skus (tenant_id, id),
  foreign key (tenant_id, group_id) references bundle_groups (tenant_id, id) on delete cascade,
  foreign key (tenant_id, sku_id) references skus (tenant_id, id),
  check (max_qty is null or max_qty >= min_qty),
  check (default_qty >= min_qty and (max_qty is null or default_qty <= max_qty))
);
create index bundle_options_bundle on bundle_options (tenant_id, bundle_sku_id);
select l2c_tenant_table('bundle_options');

-- Constraints between options of one bundle: requires (option chosen → target chosen), excludes (not both),
-- max_ratio (quantity of option ≤ factor × quantity of target: support seats ≤ licences).
create table bundle_rules (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  bundle_sku_id uuid not null,
  kind text not null check (kind in ('requires', 'excludes', 'max_ratio')),
  option_id uuid not null,
  target_option_id uuid not null,
  factor numeric(18,4) check (factor > 0),
  position int not null default 0,
  primary key (tenant_id, id),
  foreign key (tenant_id, bundle_sku_id) references skus (tenant_id, id),
  foreign key (tenant_id, option_id) references bundle_options (tenant_id, id) on delete cascade,
  foreign key (tenant_id, target_option_id) references bundle_options (tenant_id, id) on delete cascade,
  check (option_id <> target_option_id),
  check ((kind = 'max_ratio') = (factor is not null))
);
create index bundle_rules_bundle on bundle_rules (tenant_id, bundle_sku_id);
select l2c_tenant_table('bundle_rules');

-- The product manager capability: besides admins, these users may change the catalog.
create table catalog_managers (
  tenant_id uuid not null references tenants(id),
  user_id uuid not null,
  granted_by uuid,
  granted_at timestamptz not null default now(),
  primary key (tenant_id, user_id),
  foreign key (tenant_id, user_id) references users (tenant_id, id),
  foreign key (tenant_id, granted_by) references users (tenant_id, id)
);
select l2c_tenant_table('catalog_managers');

-- Contracts use the catalog (issue 11 §4): a contract line names its SKU; a line without one is a one-off free line.
-- contract_lines stays contracts' table; the catalog only provides the key.
alter table contract_lines add column sku_id uuid;
alter table contract_lines add constraint contract_lines_sku_fkey foreign key (tenant_id, sku_id) references skus (tenant_id, id);
create index contract_lines_sku on contract_lines (tenant_id, sku_id) where sku_id is not null;
