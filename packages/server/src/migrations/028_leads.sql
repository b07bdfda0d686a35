-- Leads 线索 (L2O): what capture (web forms, the API, campaign check-ins, manual entry, imports) brings in, before it
-- is a customer. The lifecycle raw → mql → sql → converted / invalid (with a reason), the history of every status,
-- the lead pool 线索池 (owner null, in_pool), assignment rules and the import jobs with their failed rows.
-- Owner: domains/leads. Every table keys on (tenant_id, id), references carry tenant_id (migration 016).
-- converted_opportunity_id cannot reference opportunities (migration 030 comes later): the conversion flow sets it
-- with the id createOpportunityTx answered, in the same transaction.

create table lead_forms (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  -- the public key in the embed snippet: 144 random bits, so unique across tenants in practice (the public endpoint
  -- finds its tenant by it through lead_forms_key); the constraint is per tenant, as every uniqueness here
  key text not null check (key ~ '^lf_[A-Za-z0-9_-]{16,64}$'),
  name text not null check (length(name) between 1 and 200),
  campaign_id uuid,
  -- where the page embedding the form may live: exact origins ("https://www.example.com"), checked against Origin
  allowed_origins text[] not null default '{}',
  -- the fields the form shows, in order (company, contactName, phone, email, title, industry, region, message)
  fields text[] not null default '{companyName,contactName,phone,email}',
  consent_text text not null check (length(consent_text) between 1 and 2000),
  active boolean not null default true,
  submissions int not null default 0,
  version int not null default 1,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, key),
  foreign key (tenant_id, campaign_id) references campaigns (tenant_id, id),
  foreign key (tenant_id, created_by) references users (tenant_id, id)
);
create index lead_forms_key on lead_forms (key);
select l2c_tenant_table('lead_forms');

create table lead_imports (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  filename text not null,
  status text not null default 'running' check (status in ('running', 'done', 'failed')),
  source text not null default 'import',
  campaign_id uuid,
  total_rows int not null default 0,
  processed_rows int not null default 0,
  created_count int not null default 0,
  duplicate_count int not null default 0,
  failed_count int not null default 0,
  error text,
  created_by uuid,
  created_at timestamptz not null default now(),
  finished_at timestamptz,
  primary key (tenant_id, id),
  foreign key (tenant_id, campaign_id) references campaigns (tenant_id, id),
  foreign key (tenant_id, created_by) references users (tenant_id, id)
);
create index lead_imports_created on lead_imports (tenant_id, created_at desc);
select l2c_tenant_table('lead_imports');

-- A row that did not become a lead: its values as read and why (the downloadable report).
create table lead_import_failures (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  import_id uuid not null,
  row_no int not null,
  "values" jsonb not null,
  reasons text not null,
  primary key (tenant_id, id),
  foreign key (tenant_id, import_id) references lead_imports (tenant_id, id)
);
create index lead_import_failures_import on lead_import_failures (tenant_id, import_id, row_no);
select l2c_tenant_table('lead_import_failures');

-- Assignment rules, evaluated in position order: the first active rule whose conditions all hold (an empty list
-- matches anything) picks an owner among its members — round-robin (every weight 1) or weighted, skipping members
-- at their daily quota. assigned_count per member is the running tally the choice balances.
create table lead_assignment_rules (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  name text not null check (length(name) between 1 and 200),
  position int not null,
  active boolean not null default true,
  strategy text not null check (strategy in ('round_robin', 'weighted')),
  sources text[] not null default '{}',
  regions text[] not null default '{}',
  industries text[] not null default '{}',
  version int not null default 1,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
create index lead_assignment_rules_position on lead_assignment_rules (tenant_id, position);
select l2c_tenant_table('lead_assignment_rules');

create table lead_assignment_members (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  rule_id uuid not null,
  user_id uuid not null,
  weight int not null default 1 check (weight between 1 and 100),
  daily_quota int check (daily_quota is null or daily_quota >= 0),
  assigned_count int not null default 0,
  primary key (tenant_id, id),
  unique (tenant_id, rule_id, user_id),
  foreign key (tenant_id, rule_id) references lead_assignment_rules (tenant_id, id) on delete cascade,
  foreign key (tenant_id, user_id) references users (tenant_id, id)
);
select l2c_tenant_table('lead_assignment_members');

create table leads (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  number text not null,                                   -- XS-2026-000001
  company_name text,
  company_key text not null default '',                   -- @l2c/shared normaliseCompanyName
  contact_name text,
  title text,
  phone text,
  phone_key text,                                         -- normalisePhone
  email text,
  email_key text,                                         -- normaliseEmail
  credit_code text,
  industry text,
  company_size text check (company_size in ('1-49', '50-199', '200-999', '1000+')),
  region text,
  message text,
  source text not null check (source in ('web_form', 'api', 'manual', 'import', 'campaign', 'referral', 'other')),
  campaign_id uuid,
  form_id uuid,
  import_id uuid,
  status text not null default 'raw' check (status in ('raw', 'mql', 'sql', 'converted', 'invalid')),
  invalid_reason text,
  owner_id uuid,
  in_pool boolean not null default false,
  pool_entered_at timestamptz,
  owner_since timestamptz not null default now(),
  assigned_rule_id uuid,
  assigned_at timestamptz,
  last_touched_at timestamptz not null default now(),
  -- dedup (domains/dedup matchCandidatesTx) at capture: the best match, kept as a flag with its reasons
  duplicate_kind text check (duplicate_kind in ('lead', 'contact', 'customer')),
  duplicate_id uuid,
  duplicate_score numeric(5,2),
  duplicate_reasons text,
  consent_text text,
  consent_at timestamptz,
  consent_ip text,
  converted_customer_id uuid,
  converted_contact_id uuid,
  converted_opportunity_id uuid,
  converted_at timestamptz,
  converted_by uuid,
  -- merged into another lead (domains/dedup's merge, through markLeadMergedTx); undone by clearing it
  merged_into_id uuid,
  remark text,
  version int not null default 1,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, number),
  check (company_name is not null or contact_name is not null or phone is not null or email is not null),
  check ((status = 'invalid') = (invalid_reason is not null)),
  check ((status = 'converted') = (converted_customer_id is not null and converted_at is not null)),
  check (not in_pool or owner_id is null),
  check ((duplicate_kind is null) = (duplicate_id is null)),
  foreign key (tenant_id, campaign_id) references campaigns (tenant_id, id),
  foreign key (tenant_id, form_id) references lead_forms (tenant_id, id),
  foreign key (tenant_id, import_id) references lead_imports (tenant_id, id),
  foreign key (tenant_id, owner_id) references users (tenant_id, id),
  foreign key (tenant_id, assigned_rule_id) references lead_assignment_rules (tenant_id, id) on delete set null (assigned_rule_id),
  foreign key (tenant_id, converted_customer_id) references customers (tenant_id, id),
  foreign key (tenant_id, converted_contact_id) references contacts (tenant_id, id),
  foreign key (tenant_id, converted_by) references users (tenant_id, id),
  foreign key (tenant_id, merged_into_id) references leads (tenant_id, id),
  foreign key (tenant_id, created_by) references users (tenant_id, id)
);
create index leads_created on leads (tenant_id, created_at desc, id);
create index leads_owner on leads (tenant_id, owner_id, status, created_at desc);
create index leads_pool on leads (tenant_id, pool_entered_at desc) where in_pool;
create index leads_stale on leads (tenant_id, last_touched_at) where owner_id is not null and status in ('raw', 'mql', 'sql');
create index leads_phone_key on leads (tenant_id, phone_key) where phone_key is not null;
create index leads_email_key on leads (tenant_id, email_key) where email_key is not null;
create index leads_company_key on leads (tenant_id, company_key) where company_key <> '';
create index leads_campaign on leads (tenant_id, campaign_id) where campaign_id is not null;
create index leads_import on leads (tenant_id, import_id) where import_id is not null;
create index leads_rule_assigned on leads (tenant_id, assigned_rule_id, owner_id, assigned_at) where assigned_rule_id is not null;
select l2c_tenant_table('leads');

-- Every status a lead had, with who moved it and why: the funnel's time in stage and scoring's history.
create table lead_status_history (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  lead_id uuid not null,
  from_status text,
  to_status text not null,
  reason text,
  actor_id uuid,
  at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, lead_id) references leads (tenant_id, id),
  foreign key (tenant_id, actor_id) references users (tenant_id, id)
);
create index lead_status_history_lead on lead_status_history (tenant_id, lead_id, at);
select l2c_tenant_table('lead_status_history');

-- Pool moves of a lead (release, claim, assign, recycle): the daily claim cap counts claims here.
create table lead_pool_events (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  lead_id uuid not null,
  kind text not null check (kind in ('release', 'claim', 'assign', 'recycle')),
  user_id uuid,
  reason text,
  at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, lead_id) references leads (tenant_id, id),
  foreign key (tenant_id, user_id) references users (tenant_id, id)
);
create index lead_pool_events_claims on lead_pool_events (tenant_id, user_id, at) where kind = 'claim';
select l2c_tenant_table('lead_pool_events');

-- Per tenant: after how many untouched days an owned, open lead goes back to the pool.
create table lead_settings (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  recycle_days int not null default 14 check (recycle_days between 1 and 365),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id)
);
select l2c_tenant_table('lead_settings');
