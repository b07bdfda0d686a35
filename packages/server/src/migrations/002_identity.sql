-- Identity: teams in a tree, users with one role, sessions and API tokens.
create table teams (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  name text not null,
  parent_id uuid references teams(id),
  manager_id uuid,
  created_at timestamptz not null default now(),
  unique (tenant_id, name)
);
select l2c_tenant_table('teams');

create table users (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  email text not null check (email = lower(email)),
  name text not null,
  role text not null check (role in ('admin','sales_manager','sales_rep','finance','marketer','executive')),
  team_id uuid references teams(id),
  password_hash text not null,
  locale text not null default 'zh-CN',
  active boolean not null default true,
  failed_logins int not null default 0,
  locked_until timestamptz,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, email)
);
create index users_email on users (email);
create index users_team on users (tenant_id, team_id);
select l2c_tenant_table('users');
alter table teams add constraint teams_manager_fk foreign key (manager_id) references users(id);

-- Only hashes of tokens are stored; the token itself is shown once.
create table auth_tokens (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  user_id uuid not null references users(id),
  kind text not null check (kind in ('session','api')),
  name text,
  token_hash text not null unique,
  csrf_hash text,
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index auth_tokens_user on auth_tokens (tenant_id, user_id, kind);
select l2c_tenant_table('auth_tokens');

-- Visible user ids for a data scope, computed in SQL so every list and read can join on it.
-- 'team' means the user's team and all its sub-teams.
create or replace function visible_owner_ids(p_user uuid, p_scope text) returns setof uuid
language sql stable as $$
  with recursive me as (select id, team_id from users where id = p_user),
  subtree as (
    select t.id from teams t join me on t.id = me.team_id
    union
    select t.id from teams t join subtree s on t.parent_id = s.id
  )
  select id from users where p_scope = 'all'
  union
  select p_user where p_scope = 'own'
  union
  select u.id from users u where p_scope = 'team' and (u.team_id in (select id from subtree) or u.id = p_user)
$$;
grant execute on function visible_owner_ids(uuid, text) to l2c_app;
