-- Workspace: one-time password links. An admin invites a new user (no password yet) or resets a user's password; the
-- user opens the link once and chooses a password. Only the token's hash is kept; the link expires and is used once.
create table password_links (
  tenant_id uuid not null references tenants(id),
  id uuid not null default gen_random_uuid(),
  user_id uuid not null,
  purpose text not null check (purpose in ('invite', 'reset')),
  token_hash text not null,
  created_by uuid,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  primary key (tenant_id, id),
  unique (tenant_id, token_hash),
  foreign key (tenant_id, user_id) references users (tenant_id, id),
  foreign key (tenant_id, created_by) references users (tenant_id, id)
);
-- The link carries no tenant: it is found by its hash (as the owner role, like a login), 32 random bytes per token.
create index password_links_token on password_links (token_hash);
create index password_links_user on password_links (tenant_id, user_id);
select l2c_tenant_table('password_links');

-- Credit: a limit an admin (or an approved assessment) set, against the tenant's default limit per customer grade
-- (tenants.settings.credit.defaultLimits) that applies until then — so a new customer is not over its credit at once.
-- The statements that create a profile only to lock it, flag a risk or hold credit say limit_set = false; a profile
-- written with a limit (the default) has one. Existing rows those made (limit 0, never updated) have none.
alter table credit_profiles add column limit_set boolean not null default true;
update credit_profiles set limit_set = false where credit_limit = 0 and version = 1;
