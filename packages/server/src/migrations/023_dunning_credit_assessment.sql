-- Dunning 催收, the collector's worklist (promises to pay 承诺付款, contact notes) and the credit assessment 资信评估.
-- Owners: domains/dunning owns the dunning_* tables, promises_to_pay and contact_notes; domains/credit owns
-- credit_assessments and the credit hold on credit_profiles. Every table keys on (tenant_id, id), references carry
-- tenant_id (migration 016).

-- A credit hold (the +60 step of a dunning policy, or finance by hand) stops new contracts until released.
alter table credit_profiles
  add column on_hold boolean not null default false,
  add column hold_reason text,
  add column held_since date;

-- A policy applies to customers of a grade and/or a risk level; the most specific active one wins (grade and risk
-- both named > one named > neither; then priority, lower first).
create table dunning_policies (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  name text not null,
  grade text check (grade in ('A','B','C','D')),
  risk_level text check (risk_level in ('low','normal','high')),
  priority int not null default 100,
  active boolean not null default true,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
select l2c_tenant_table('dunning_policies');

-- A step: `offset_days` relative to the due date (−3 a reminder before, 0 on the day, 7, 15, 30, 60 after), one action.
create table dunning_steps (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  policy_id uuid not null,
  seq int not null check (seq between 1 and 50),
  offset_days int not null check (offset_days between -365 and 3650),
  action text not null check (action in ('notice','email','task','letter','hold')),
  recipient text not null check (recipient in ('customer','owner','manager','finance')),
  name text not null,
  primary key (tenant_id, id),
  unique (tenant_id, policy_id, seq),
  foreign key (tenant_id, policy_id) references dunning_policies (tenant_id, id)
);
select l2c_tenant_table('dunning_steps');

-- One row per step per receivable, ever: the unique key makes "each step runs once per receivable" a database fact,
-- whatever number of processes run the job at the same moment. `detail` keeps what the step saw (open amount, days
-- past due, recipients) — the letter PDF is rendered from it, so it reads the same every time it is downloaded.
create table dunning_step_runs (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  step_id uuid not null,
  receivable_id uuid not null,
  customer_id uuid not null,
  run_on date not null,
  action text not null,
  detail jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, step_id, receivable_id),
  foreign key (tenant_id, step_id) references dunning_steps (tenant_id, id),
  foreign key (tenant_id, receivable_id) references receivables (tenant_id, id),
  foreign key (tenant_id, customer_id) references customers (tenant_id, id)
);
create index dunning_step_runs_customer on dunning_step_runs (tenant_id, customer_id, run_on);
select l2c_tenant_table('dunning_step_runs');

-- Outbound mail. Written in the job's transaction (status queued, or outbox when no SMTP server is configured);
-- delivered after commit by whoever claims it, so a retried transaction sends nothing twice.
create table dunning_mail (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  step_run_id uuid,
  customer_id uuid not null,
  to_address text,
  subject text not null,
  body text not null,
  status text not null default 'outbox' check (status in ('outbox','queued','sending','sent','failed')),
  attempts int not null default 0,
  claimed_at timestamptz,
  sent_at timestamptz,
  message_id text,
  error text,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, step_run_id),
  foreign key (tenant_id, step_run_id) references dunning_step_runs (tenant_id, id),
  foreign key (tenant_id, customer_id) references customers (tenant_id, id)
);
create index dunning_mail_status on dunning_mail (tenant_id, status, created_at);
select l2c_tenant_table('dunning_mail');

-- Collection tasks: the +7 / +15 steps give the rep or the manager a task; a broken promise gives the manager one.
create table dunning_tasks (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  assignee_id uuid not null,
  customer_id uuid not null,
  receivable_id uuid,
  step_run_id uuid,
  promise_id uuid,
  title text not null,
  due_on date not null,
  status text not null default 'open' check (status in ('open','done')),
  done_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, assignee_id) references users (tenant_id, id),
  foreign key (tenant_id, customer_id) references customers (tenant_id, id),
  foreign key (tenant_id, receivable_id) references receivables (tenant_id, id),
  foreign key (tenant_id, step_run_id) references dunning_step_runs (tenant_id, id)
);
create index dunning_tasks_assignee on dunning_tasks (tenant_id, assignee_id, status, due_on);
create unique index dunning_tasks_once_per_run on dunning_tasks (tenant_id, step_run_id, assignee_id) where step_run_id is not null;
select l2c_tenant_table('dunning_tasks');

-- Promises to pay 承诺付款: kept when the customer's confirmed payments received from the day the promise was made up to
-- its date reach its amount; broken otherwise (the day after), which escalates.
create table promises_to_pay (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  customer_id uuid not null,
  receivable_id uuid,
  collector_id uuid not null,
  currency text not null default 'CNY',
  amount numeric(18,2) not null check (amount > 0),
  promised_on date not null,
  made_on date not null,
  status text not null default 'open' check (status in ('open','kept','broken')),
  resolved_on date,
  paid_amount numeric(18,2),
  note text,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  check (promised_on >= made_on),
  foreign key (tenant_id, customer_id) references customers (tenant_id, id),
  foreign key (tenant_id, receivable_id) references receivables (tenant_id, id),
  foreign key (tenant_id, collector_id) references users (tenant_id, id)
);
create index promises_to_pay_customer on promises_to_pay (tenant_id, customer_id, promised_on);
create index promises_to_pay_open on promises_to_pay (tenant_id, promised_on) where status = 'open';
select l2c_tenant_table('promises_to_pay');
alter table dunning_tasks add foreign key (tenant_id, promise_id) references promises_to_pay (tenant_id, id);

-- Each contact with the customer: channel, outcome, note; a contact that got a promise points at it.
create table contact_notes (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  customer_id uuid not null,
  collector_id uuid not null,
  channel text not null check (channel in ('phone','email','visit','message','other')),
  outcome text not null check (outcome in ('reached','no_answer','promised','disputed','refused','paid')),
  note text,
  promise_id uuid,
  contacted_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, customer_id) references customers (tenant_id, id),
  foreign key (tenant_id, collector_id) references users (tenant_id, id),
  foreign key (tenant_id, promise_id) references promises_to_pay (tenant_id, id)
);
create index contact_notes_customer on contact_notes (tenant_id, customer_id, contacted_at);
select l2c_tenant_table('contact_notes');

-- Credit assessments 资信评估: a score from the customer's own history with its factors, a suggested limit and term.
-- One per customer per day (the job and a manual reassessment on the same day update the same row).
create table credit_assessments (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  customer_id uuid not null,
  assessed_on date not null,
  score int not null check (score between 0 and 100),
  grade text not null check (grade in ('A','B','C','D')),
  factors jsonb not null,
  current_limit numeric(18,2) not null,
  current_term_days int not null,
  suggested_limit numeric(18,2) not null check (suggested_limit >= 0),
  suggested_term_days int not null check (suggested_term_days between 0 and 3650),
  status text not null default 'proposed' check (status in ('proposed','pending_approval','applied','rejected')),
  applied_at timestamptz,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, customer_id, assessed_on),
  foreign key (tenant_id, customer_id) references customers (tenant_id, id),
  foreign key (tenant_id, created_by) references users (tenant_id, id)
);
select l2c_tenant_table('credit_assessments');
