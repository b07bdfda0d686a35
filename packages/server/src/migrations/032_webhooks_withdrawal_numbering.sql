-- Workspace administration: webhooks (a transactional outbox, subscriptions, deliveries and their attempts), an
-- approval its submitter withdraws, and document number formats per document type.

-- The outbox (platform/outbox.ts): a domain's change writes its event here in the same transaction as the change, so
-- an event exists exactly when its change committed. `seq` orders events (per object, a later change waits for the
-- earlier one's row lock, so it takes a later seq). The webhooks dispatcher marks an event dispatched when it has
-- fanned it out to the subscriptions; dispatched events are purged after a few days.
create table outbox_events (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  seq bigint generated always as identity,
  event_type text not null,
  entity_type text not null,
  entity_id uuid not null,
  data jsonb not null,
  actor_id uuid,
  occurred_at timestamptz not null default clock_timestamp(),
  dispatched_at timestamptz,
  primary key (tenant_id, id)
);
create index outbox_events_undispatched on outbox_events (seq) where dispatched_at is null;
create index outbox_events_dispatched on outbox_events (dispatched_at) where dispatched_at is not null;
select l2c_tenant_table('outbox_events', 'select, insert, update, delete');

-- A tenant's webhook subscriptions (domains/webhooks). The secret signs every delivery (HMAC-SHA256); the API shows it
-- once, at creation and at rotation.
create table webhook_subscriptions (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  url text not null,
  description text,
  events text[] not null,
  secret text not null,
  active boolean not null default true,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version int not null default 1,
  primary key (tenant_id, id),
  foreign key (tenant_id, created_by) references users (tenant_id, id)
);
select l2c_tenant_table('webhook_subscriptions');

-- One delivery per event and subscription (the unique key: a second dispatcher cannot fan an event out twice); a
-- redelivery or a test event is a delivery of its own. The body is frozen at dispatch, so every attempt sends the same
-- bytes. Deliveries of one object go out in event order: the claim takes only an object's oldest unfinished one.
create table webhook_deliveries (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  subscription_id uuid not null,
  event_id uuid not null,
  event_seq bigint not null,
  event_type text not null,
  entity_key text not null,
  body text not null,
  status text not null default 'pending' check (status in ('pending', 'delivering', 'succeeded', 'dead')),
  attempts int not null default 0,
  max_attempts int not null,
  next_attempt_at timestamptz not null default now(),
  lease_until timestamptz,
  last_status_code int,
  last_error text,
  last_latency_ms int,
  last_attempt_at timestamptz,
  delivered_at timestamptz,
  kind text not null default 'event' check (kind in ('event', 'redelivery', 'test')),
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, subscription_id) references webhook_subscriptions (tenant_id, id)
);
create unique index webhook_deliveries_once on webhook_deliveries (tenant_id, subscription_id, event_id) where kind = 'event';
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status in ('pending', 'delivering');
create index webhook_deliveries_order on webhook_deliveries (tenant_id, subscription_id, entity_key, event_seq) where status in ('pending', 'delivering');
create index webhook_deliveries_log on webhook_deliveries (tenant_id, subscription_id, created_at desc);
select l2c_tenant_table('webhook_deliveries');

create table webhook_attempts (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  delivery_id uuid not null,
  attempt int not null,
  at timestamptz not null default now(),
  status_code int,
  latency_ms int not null,
  error text,
  primary key (tenant_id, id),
  foreign key (tenant_id, delivery_id) references webhook_deliveries (tenant_id, id)
);
create index webhook_attempts_delivery on webhook_attempts (tenant_id, delivery_id, attempt);
select l2c_tenant_table('webhook_attempts', 'select, insert');

-- Approvals: the submitter withdraws a request nobody has decided yet; the document returns to draft.
alter table approval_requests drop constraint if exists approval_requests_status_check;
alter table approval_requests add constraint approval_requests_status_check
  check (status in ('pending', 'approved', 'rejected', 'returned', 'cancelled', 'withdrawn'));
alter table approval_actions drop constraint if exists approval_actions_action_check;
alter table approval_actions add constraint approval_actions_action_check
  check (action in ('submit', 'approve', 'reject', 'return', 'cancel', 'auto_approve', 'withdraw'));

-- Document number formats per document type (platform/sequences.ts). No row: the built-in PREFIX-YYYY-000123 with a
-- yearly counter. The counter key in doc_sequences.year is the period: 0 (never reset), YYYY, YYYYMM or YYYYMMDD.
create table doc_number_formats (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  doc_type text not null,
  prefix text not null check (prefix ~ '^[A-Za-z0-9]{0,10}$'),
  date_pattern text not null check (date_pattern in ('', 'YYYY', 'YYMM', 'YYYYMM', 'YYYYMMDD')),
  separator text not null check (separator in ('', '-', '/', '_')),
  width int not null check (width between 3 and 12),
  reset text not null check (reset in ('never', 'yearly', 'monthly', 'daily')),
  version int not null default 1,
  updated_by uuid,
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, doc_type),
  foreign key (tenant_id, updated_by) references users (tenant_id, id)
);
select l2c_tenant_table('doc_number_formats');
