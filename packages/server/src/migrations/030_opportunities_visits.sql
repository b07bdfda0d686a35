-- Opportunities 商机 (sales processes with stages and entry requirements, lines, stage history, tasks, forecast
-- adjustments), visits 拜访 (plan, check-in/out with coordinates and the distance from the customer) and key accounts
-- (customer coordinates, the decision map of contacts: role, influence, attitude, relations). Owned by
-- domains/opportunities and domains/visits (their tables.ts).

-- A sales process per product line; its stages in order. A stage's kind says whether it closes the opportunity.
create table sales_processes (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  name text not null,
  product_line text,
  is_default boolean not null default false,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, name)
);
create unique index sales_processes_default on sales_processes (tenant_id) where is_default;
select l2c_tenant_table('sales_processes');

-- requirements: what an opportunity must have to ENTER the stage, a JSON list of
--   {"kind":"field","field":"contactId|closeDate|amount|lines|competitor|health.<dimension>"} or
--   {"kind":"task","key":"demo","label":"产品演示"} (a done task with that key on the opportunity).
create table sales_stages (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  process_id uuid not null,
  seq int not null,
  name text not null,
  kind text not null default 'open' check (kind in ('open', 'won', 'lost')),
  probability numeric(5,2) not null check (probability >= 0 and probability <= 100),
  requirements jsonb not null default '[]'::jsonb,
  primary key (tenant_id, id),
  unique (tenant_id, process_id, seq),
  foreign key (tenant_id, process_id) references sales_processes (tenant_id, id)
);
select l2c_tenant_table('sales_stages');

-- lead_id / campaign_id point into leads and campaigns (migrations 028 / 027, other domains): checked by their owners'
-- functions when written, kept without a foreign key so this table does not depend on their migrations' shape.
-- product_id on the lines is the CPQ catalog's (026), nullable, same reason.
create table opportunities (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  number text not null,
  name text not null,
  customer_id uuid not null,
  contact_id uuid,
  owner_id uuid not null,
  process_id uuid not null,
  stage_id uuid not null,
  status text not null default 'open' check (status in ('open', 'won', 'lost')),
  currency text not null default 'CNY',
  amount numeric(18,2) not null default 0 check (amount >= 0),
  close_date date,
  forecast_category text not null default 'pipeline' check (forecast_category in ('pipeline', 'best_case', 'commit', 'omitted')),
  lead_id uuid,
  campaign_id uuid,
  contract_id uuid,
  lost_reason text,
  competitor text,
  closed_on date,
  -- the rep's assessment per health dimension: {"need": {"score": 0..3, "note": "…"}, "budget": …}
  health jsonb not null default '{}'::jsonb,
  stage_entered_at timestamptz not null default now(),
  version int not null default 1,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, number),
  foreign key (tenant_id, customer_id) references customers (tenant_id, id),
  foreign key (tenant_id, contact_id) references contacts (tenant_id, id),
  foreign key (tenant_id, owner_id) references users (tenant_id, id),
  foreign key (tenant_id, created_by) references users (tenant_id, id),
  foreign key (tenant_id, process_id) references sales_processes (tenant_id, id),
  foreign key (tenant_id, stage_id) references sales_stages (tenant_id, id),
  foreign key (tenant_id, contract_id) references contracts (tenant_id, id),
  check ((status = 'lost') = (lost_reason is not null)),
  check ((status = 'open') = (closed_on is null))
);
create index opportunities_owner on opportunities (tenant_id, owner_id, status, close_date);
create index opportunities_customer on opportunities (tenant_id, customer_id);
create index opportunities_stage on opportunities (tenant_id, stage_id) where status = 'open';
create index opportunities_close on opportunities (tenant_id, close_date, status);
create index opportunities_lead on opportunities (tenant_id, lead_id) where lead_id is not null;
create index opportunities_campaign on opportunities (tenant_id, campaign_id) where campaign_id is not null;
create unique index opportunities_contract on opportunities (tenant_id, contract_id) where contract_id is not null;
select l2c_tenant_table('opportunities');

create table opportunity_lines (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  opportunity_id uuid not null,
  line_no int not null,
  product_id uuid,
  product_code text,
  product_name text not null,
  quantity numeric(18,4) not null check (quantity > 0),
  unit_price numeric(18,6) not null check (unit_price >= 0),
  discount_rate numeric(7,6) not null default 0 check (discount_rate >= 0 and discount_rate < 1),
  amount numeric(18,2) not null check (amount >= 0),
  primary key (tenant_id, id),
  unique (tenant_id, opportunity_id, line_no),
  foreign key (tenant_id, opportunity_id) references opportunities (tenant_id, id)
);
select l2c_tenant_table('opportunity_lines');

-- Every entry into a stage, a fact: time in a stage is the next entry's `at` minus this one's (or now while open).
create table opportunity_stage_history (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  opportunity_id uuid not null,
  from_stage_id uuid,
  to_stage_id uuid not null,
  at timestamptz not null default now(),
  actor_id uuid,
  primary key (tenant_id, id),
  foreign key (tenant_id, opportunity_id) references opportunities (tenant_id, id),
  foreign key (tenant_id, from_stage_id) references sales_stages (tenant_id, id),
  foreign key (tenant_id, to_stage_id) references sales_stages (tenant_id, id),
  foreign key (tenant_id, actor_id) references users (tenant_id, id)
);
create index opportunity_stage_history_opp on opportunity_stage_history (tenant_id, opportunity_id, at);
select l2c_tenant_table('opportunity_stage_history', 'select, insert');

-- Tasks on an opportunity; a task with a key satisfies a stage requirement of that key once done.
create table opportunity_tasks (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  opportunity_id uuid not null,
  key text,
  title text not null,
  due_date date,
  done_at timestamptz,
  done_by uuid,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, opportunity_id) references opportunities (tenant_id, id),
  foreign key (tenant_id, done_by) references users (tenant_id, id),
  foreign key (tenant_id, created_by) references users (tenant_id, id)
);
create index opportunity_tasks_opp on opportunity_tasks (tenant_id, opportunity_id);
select l2c_tenant_table('opportunity_tasks');

-- A manager's forecast figure beside the system's: facts, never updated; the latest per (period, subject, category,
-- currency) is the current one, the earlier ones its history. period: '2026-12' (month) or '2026-Q4' (quarter).
create table forecast_adjustments (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  period text not null check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2]|Q[1-4])$'),
  subject_kind text not null check (subject_kind in ('rep', 'team')),
  subject_id uuid not null,
  category text not null check (category in ('commit', 'best_case', 'pipeline', 'weighted')),
  currency text not null,
  system_amount numeric(18,2) not null,
  adjusted_amount numeric(18,2) not null check (adjusted_amount >= 0),
  reason text not null,
  author_id uuid not null,
  at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, author_id) references users (tenant_id, id)
);
create index forecast_adjustments_subject on forecast_adjustments (tenant_id, period, subject_kind, subject_id, category, at desc);
select l2c_tenant_table('forecast_adjustments', 'select, insert');

-- Visits: planned (planned_on), checked in, completed (checked out, with the record) or cancelled. Coordinates are
-- WGS-84 degrees; the distance to the customer is the haversine distance in metres to customer_locations.
create table visits (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  owner_id uuid not null,
  customer_id uuid not null,
  contact_id uuid,
  opportunity_id uuid,
  planned_on date not null,
  purpose text not null,
  status text not null default 'planned' check (status in ('planned', 'checked_in', 'completed', 'cancelled')),
  checkin_at timestamptz,
  checkin_lat numeric(9,6) check (checkin_lat between -90 and 90),
  checkin_lng numeric(9,6) check (checkin_lng between -180 and 180),
  checkin_source text check (checkin_source in ('gps', 'manual')),
  checkin_distance_m int,
  checkout_at timestamptz,
  checkout_lat numeric(9,6) check (checkout_lat between -90 and 90),
  checkout_lng numeric(9,6) check (checkout_lng between -180 and 180),
  checkout_distance_m int,
  record jsonb,                        -- {attendees, discussed, outcome, nextSteps, competitorInfo, rating}
  followup_id uuid,                    -- the customers' follow-up written at check-out (its next step = the task)
  version int not null default 1,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, owner_id) references users (tenant_id, id),
  foreign key (tenant_id, created_by) references users (tenant_id, id),
  foreign key (tenant_id, customer_id) references customers (tenant_id, id),
  foreign key (tenant_id, contact_id) references contacts (tenant_id, id),
  foreign key (tenant_id, opportunity_id) references opportunities (tenant_id, id),
  check (status not in ('checked_in', 'completed') or checkin_at is not null),
  check (status <> 'planned' or checkin_at is null),
  check ((checkout_at is not null) = (status = 'completed'))
);
create index visits_owner_day on visits (tenant_id, owner_id, planned_on);
create index visits_customer on visits (tenant_id, customer_id, planned_on desc);
select l2c_tenant_table('visits');

-- Where a customer is: set by hand (from a map or a geocoder) or taken from a first check-in.
create table customer_locations (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  customer_id uuid not null,
  lat numeric(9,6) not null check (lat between -90 and 90),
  lng numeric(9,6) not null check (lng between -180 and 180),
  source text not null check (source in ('manual', 'geocode', 'checkin')),
  updated_by uuid,
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, customer_id),
  foreign key (tenant_id, customer_id) references customers (tenant_id, id),
  foreign key (tenant_id, updated_by) references users (tenant_id, id)
);
select l2c_tenant_table('customer_locations');

-- The decision map of a key account: each contact's role in the buying decision, influence and attitude, and the
-- relations between contacts.
create table decision_roles (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  customer_id uuid not null,
  contact_id uuid not null,
  role text not null check (role in ('decision_maker', 'economic_buyer', 'technical_buyer', 'user_buyer', 'influencer', 'coach', 'gatekeeper')),
  influence int not null check (influence between 1 and 5),
  attitude text not null check (attitude in ('champion', 'supporter', 'neutral', 'skeptic', 'opponent')),
  note text,
  version int not null default 1,
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, contact_id),
  foreign key (tenant_id, customer_id) references customers (tenant_id, id),
  foreign key (tenant_id, contact_id) references contacts (tenant_id, id)
);
create index decision_roles_customer on decision_roles (tenant_id, customer_id);
select l2c_tenant_table('decision_roles');

create table contact_relations (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  customer_id uuid not null,
  from_contact_id uuid not null,
  to_contact_id uuid not null,
  kind text not null check (kind in ('reports_to', 'influences', 'ally', 'rival')),
  note text,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, from_contact_id, to_contact_id, kind),
  foreign key (tenant_id, customer_id) references customers (tenant_id, id),
  foreign key (tenant_id, from_contact_id) references contacts (tenant_id, id),
  foreign key (tenant_id, to_contact_id) references contacts (tenant_id, id),
  check (from_contact_id <> to_contact_id)
);
create index contact_relations_customer on contact_relations (tenant_id, customer_id);
select l2c_tenant_table('contact_relations');
