-- Dedup and merge (domains/dedup, flows/merge) and scoring (domains/scoring), issue 10.
--
-- Matching keys. Leads carry company_key / phone_key / email_key written by leads with @l2c/shared normalise.ts.
-- Customers get company_key the same way (customers writes it with the name, like the pinyin keys of 019, and fills
-- rows written without it at start-up); contacts get email_key. Fuzzy company matching blocks on the key's first two
-- characters (company_block: a stored generated column, so `company_block = $1` is a plain leakproof comparison that
-- the index serves under row-level security — an expression index on left(company_key, 2) would not be used as
-- l2c_app, since left() is not leakproof) and scores the block's names in process (bigram Dice).
alter table customers add column company_key text,
  add column company_block text generated always as (nullif(left(company_key, 2), '')) stored,
  -- a customer merged into another (flows/merge): kept for its history and its facts, left out of lists and matching
  add column merged_into_id uuid;
alter table customers add constraint customers_merged_into_fkey foreign key (tenant_id, merged_into_id) references customers (tenant_id, id);
create index customers_company_block on customers (tenant_id, company_block) where company_block is not null;

alter table contacts add column email_key text generated always as (nullif(lower(btrim(email)), '')) stored;
create index contacts_email_key on contacts (tenant_id, email_key) where email_key is not null;

-- Follow-ups are append-only (select, insert); a merge moves them to the master customer or contact, so the application
-- may change those two references — never what was written.
grant update (customer_id, contact_id) on followups to l2c_app;

alter table contacts add column merged_into_id uuid;
alter table contacts add constraint contacts_merged_into_fkey foreign key (tenant_id, merged_into_id) references contacts (tenant_id, id);

-- (leads.merged_into_id is leads' own, migration 028)
alter table leads add column company_block text generated always as (nullif(left(company_key, 2), '')) stored;
create index leads_company_block on leads (tenant_id, company_block) where company_block is not null;
create index leads_credit_code on leads (tenant_id, credit_code) where credit_code is not null;

-- Duplicate rules: per object (the kind of record being written or checked), the fields that make two records the
-- same, the fuzzy threshold for company names, and what a match does (flag it, or block the write). No row for an
-- object: the built-in rule applies (dedup.rules.ts).
create table duplicate_rules (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  object text not null check (object in ('lead', 'contact', 'customer')),
  name text not null check (length(name) between 1 and 100),
  fields text[] not null check (cardinality(fields) > 0 and fields <@ array['company_name', 'phone', 'email', 'credit_code']),
  -- company_name: 'prefix' blocks on the key's first two characters and scores by similarity; 'exact' only on equal keys
  blocking text not null default 'prefix' check (blocking in ('prefix', 'exact')),
  threshold numeric(3,2) not null default 0.80 check (threshold between 0.50 and 1.00),
  action text not null default 'flag' check (action in ('flag', 'block')),
  active boolean not null default true,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, object, name)
);
select l2c_tenant_table('duplicate_rules');

-- A merge: the master kept, the duplicate merged into it, the field choices, the master and duplicate as they were,
-- and every related record moved (by table: ids) — the facts an undo moves back from. owner_id is the master's owner
-- at the merge, for the data scope.
create table merge_jobs (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  object text not null check (object in ('lead', 'contact', 'customer')),
  master_id uuid not null,
  loser_id uuid not null,
  owner_id uuid,
  fields jsonb not null default '{}'::jsonb,
  master_before jsonb not null,
  master_after jsonb not null,
  loser_before jsonb not null,
  moved jsonb not null default '{}'::jsonb,
  status text not null default 'merged' check (status in ('merged', 'undone')),
  merged_by uuid,
  merged_at timestamptz not null default now(),
  undone_by uuid,
  undone_at timestamptz,
  version int not null default 1,
  primary key (tenant_id, id),
  check (master_id <> loser_id),
  check ((status = 'undone') = (undone_at is not null)),
  foreign key (tenant_id, owner_id) references users (tenant_id, id),
  foreign key (tenant_id, merged_by) references users (tenant_id, id),
  foreign key (tenant_id, undone_by) references users (tenant_id, id)
);
create index merge_jobs_master on merge_jobs (tenant_id, master_id, merged_at desc);
create index merge_jobs_loser on merge_jobs (tenant_id, loser_id) where status = 'merged';
create index merge_jobs_merged on merge_jobs (tenant_id, merged_at desc, id);
select l2c_tenant_table('merge_jobs');

-- Scoring settings, one row per tenant (none: the defaults of scoring.rules.ts): the behaviour half-life, the weights of
-- behaviour, fit and the model in the score, the grade cut-offs, and the customers' RFM grading.
create table scoring_settings (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  half_life_days int not null default 30 check (half_life_days between 1 and 3650),
  weight_behaviour int not null default 35 check (weight_behaviour between 0 and 100),
  weight_fit int not null default 25 check (weight_fit between 0 and 100),
  weight_model int not null default 40 check (weight_model between 0 and 100),
  grade_a int not null default 75 check (grade_a between 1 and 100),
  grade_b int not null default 50 check (grade_b between 1 and 100),
  grade_c int not null default 25 check (grade_c between 1 and 100),
  -- customers: RFM windows and the grade cut-offs on the RFM total (3–15)
  rfm_window_days int not null default 365 check (rfm_window_days between 30 and 3650),
  rfm_grade_a int not null default 13 check (rfm_grade_a between 3 and 15),
  rfm_grade_b int not null default 10 check (rfm_grade_b between 3 and 15),
  rfm_grade_c int not null default 7 check (rfm_grade_c between 3 and 15),
  version int not null default 1,
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id),
  check (weight_behaviour + weight_fit + weight_model = 100),
  check (grade_a > grade_b and grade_b > grade_c),
  check (rfm_grade_a > rfm_grade_b and rfm_grade_b > rfm_grade_c)
);
select l2c_tenant_table('scoring_settings');

-- Points: an event kind (form_submitted, email_clicked, checked_in …) is worth points; an attribute value (industry,
-- region, source, size) adds or takes fit points.
create table scoring_rules (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  kind text not null check (kind in ('event', 'fit')),
  field text check (field in ('industry', 'region', 'source', 'size')),
  value text not null check (length(value) between 1 and 100),
  points int not null check (points between -100 and 100),
  primary key (tenant_id, id),
  check ((kind = 'fit') = (field is not null))
);
create unique index scoring_rules_value on scoring_rules (tenant_id, kind, coalesce(field, ''), value);
select l2c_tenant_table('scoring_rules');

-- Behaviour: what a lead or contact did, with the points the rule gave it then (a later rule change does not rewrite
-- history); the score decays each event's points by its age (half-life).
create table score_events (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  lead_id uuid,
  contact_id uuid,
  event text not null check (length(event) between 1 and 100),
  points int not null,
  at timestamptz not null,
  recorded_by uuid,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  check (lead_id is not null or contact_id is not null),
  foreign key (tenant_id, lead_id) references leads (tenant_id, id),
  foreign key (tenant_id, contact_id) references contacts (tenant_id, id),
  foreign key (tenant_id, recorded_by) references users (tenant_id, id)
);
create index score_events_lead on score_events (tenant_id, lead_id, at) where lead_id is not null;
create index score_events_contact on score_events (tenant_id, contact_id, at) where contact_id is not null;
select l2c_tenant_table('score_events', 'select, insert, update');

-- The tenant's conversion model: naive Bayes over lead field values (Laplace smoothing), trained on its own closed
-- leads (converted = 1, invalid = 0); the newest is the active one. AUC is measured on a held-out fifth.
create table score_models (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  trained_at timestamptz not null default now(),
  samples int not null,
  positives int not null,
  auc numeric(5,4),
  model jsonb not null,
  primary key (tenant_id, id)
);
create index score_models_trained on score_models (tenant_id, trained_at desc);
select l2c_tenant_table('score_models', 'select, insert');

-- A lead's score: behaviour (decayed points), fit, the model's probability with its factors, the score and grade; a
-- person's override (grade and reason) is kept apart, so rescoring and retraining never overwrite it.
create table lead_scores (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  lead_id uuid not null,
  behaviour numeric(10,2) not null default 0,
  fit int not null default 0,
  probability numeric(6,5),
  score int not null check (score between 0 and 100),
  grade text not null check (grade in ('A', 'B', 'C', 'D')),
  factors jsonb not null default '[]'::jsonb,
  model_id uuid,
  computed_at timestamptz not null default now(),
  override_grade text check (override_grade in ('A', 'B', 'C', 'D')),
  override_reason text,
  override_by uuid,
  override_at timestamptz,
  version int not null default 1,
  primary key (tenant_id, id),
  unique (tenant_id, lead_id),
  check ((override_grade is null) = (override_at is null)),
  foreign key (tenant_id, lead_id) references leads (tenant_id, id),
  foreign key (tenant_id, model_id) references score_models (tenant_id, id),
  foreign key (tenant_id, override_by) references users (tenant_id, id)
);
create index lead_scores_grade on lead_scores (tenant_id, coalesce(override_grade, grade), score desc);
select l2c_tenant_table('lead_scores');

-- A customer's RFM from its paid history as of a day: recency (days since the last confirmed payment), frequency
-- (confirmed payments in the window), monetary (cash written off against its invoices in the window, net of
-- reversals), each scored 1–5, and the grade their total gives.
create table customer_rfm (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  customer_id uuid not null,
  as_of date not null,
  last_paid_on date,
  recency_days int,
  frequency int not null,
  monetary numeric(18,2) not null,
  currency text not null,
  r int not null check (r between 1 and 5),
  f int not null check (f between 1 and 5),
  m int not null check (m between 1 and 5),
  grade text not null check (grade in ('A', 'B', 'C', 'D')),
  computed_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, customer_id),
  foreign key (tenant_id, customer_id) references customers (tenant_id, id)
);
select l2c_tenant_table('customer_rfm');
