-- Campaigns 市场活动 (MTL): a parent/child hierarchy, costs as immutable facts, and members (a lead, a contact or a
-- prospect known by name) who go through the event flow plan → invite → register → check-in.
-- Owner: domains/campaigns. Every table keys on (tenant_id, id), references carry tenant_id (migration 016).
-- leads (migration 028) and opportunities (030) point at campaigns with their campaign_id; campaign_members.lead_id
-- cannot reference leads here (that table comes later), so the campaigns domain checks it through leads' getLeadTx.

create table campaigns (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  number text not null,                                   -- HD-2026-000001
  name text not null check (length(name) between 1 and 200),
  parent_id uuid,
  type text not null check (type in ('event','webinar','trade_show','online','ads','email','content','partner','other')),
  status text not null default 'planned' check (status in ('planned','active','completed','cancelled')),
  start_on date,
  end_on date,
  -- A child is in its parent's currency (checked by the domain), so a roll-up sums one currency.
  currency text not null default 'CNY',
  budget numeric(18,2) not null default 0 check (budget >= 0),
  owner_id uuid,
  description text,
  version int not null default 1,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, number),
  check (parent_id is null or parent_id <> id),
  check (end_on is null or start_on is null or end_on >= start_on),
  foreign key (tenant_id, parent_id) references campaigns (tenant_id, id),
  foreign key (tenant_id, owner_id) references users (tenant_id, id),
  foreign key (tenant_id, created_by) references users (tenant_id, id)
);
create index campaigns_parent on campaigns (tenant_id, parent_id);
create index campaigns_owner on campaigns (tenant_id, owner_id);
create index campaigns_start on campaigns (tenant_id, start_on desc, id);
select l2c_tenant_table('campaigns');

-- Costs are facts: appended, never changed; a correction is a reversing row (negative, reverses_id set, at most one
-- per cost). The campaign's actual cost is the sum of its rows. No UPDATE or DELETE for the application role.
create table campaign_costs (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  campaign_id uuid not null,
  category text not null check (category in ('venue','catering','media','ads','materials','travel','agency','gifts','staff','other')),
  amount numeric(18,2) not null check (amount <> 0),
  currency text not null,
  incurred_on date not null,
  vendor text,
  memo text,
  reverses_id uuid,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, reverses_id),
  check ((amount < 0) = (reverses_id is not null)),
  foreign key (tenant_id, campaign_id) references campaigns (tenant_id, id),
  foreign key (tenant_id, reverses_id) references campaign_costs (tenant_id, id),
  foreign key (tenant_id, created_by) references users (tenant_id, id)
);
create index campaign_costs_campaign on campaign_costs (tenant_id, campaign_id, incurred_on);
select l2c_tenant_table('campaign_costs', 'select, insert');

-- A member: a lead, a contact, or a prospect (name, company, phone or email) who registered without being either.
-- Checking in a prospect makes a lead (leads' captureLeadTx), whose id is then kept here. One row per lead and per
-- contact in a campaign.
create table campaign_members (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  campaign_id uuid not null,
  lead_id uuid,
  contact_id uuid,
  name text,
  company text,
  phone text,
  email text,
  status text not null default 'planned' check (status in ('planned','invited','registered','checked_in')),
  invited_at timestamptz,
  registered_at timestamptz,
  checked_in_at timestamptz,
  lead_created boolean not null default false,            -- the check-in made the lead
  version int not null default 1,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, campaign_id, lead_id),
  unique (tenant_id, campaign_id, contact_id),
  check (lead_id is not null or contact_id is not null or name is not null),
  foreign key (tenant_id, campaign_id) references campaigns (tenant_id, id),
  foreign key (tenant_id, contact_id) references contacts (tenant_id, id),
  foreign key (tenant_id, created_by) references users (tenant_id, id)
);
create index campaign_members_campaign on campaign_members (tenant_id, campaign_id, status);
create index campaign_members_lead on campaign_members (tenant_id, lead_id) where lead_id is not null;
select l2c_tenant_table('campaign_members', 'select, insert, update');
