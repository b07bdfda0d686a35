-- The authentication's token cache (issue 13; platform/auth-cache.ts). A server process remembers the token rows it
-- looked up, and instead of the three-table look-up (0.05–0.35 ms of database work on every request) it checks that
-- nothing that look-up reads has changed since: every change to a tenant's tokens, users or time zone that the
-- look-up would see counts up the tenant's auth epoch, in the same transaction as the change. A cached row is used
-- only when the tenant's epoch, read in the request's own statement, is still the one read with the row — so a
-- revoked token, a deactivated user, a new role or team is seen by the very next request, in every process, as
-- exactly as by the look-up itself (the epoch row is locked until the change commits, and read in one snapshot with
-- the look-up that fills the cache).
create table auth_epochs (
  tenant_id uuid primary key,
  n bigint not null
);
-- No foreign key to tenants: deleting a tenant deletes its tokens, whose trigger counts up here in the same statement.
select l2c_tenant_table('auth_epochs', 'select');

create function l2c_count_auth_epoch(tenant uuid) returns void language sql security definer set search_path = public as $$
  insert into auth_epochs as e (tenant_id, n) values (tenant, 1) on conflict (tenant_id) do update set n = e.n + 1
$$;
revoke execute on function l2c_count_auth_epoch(uuid) from public;

create function l2c_auth_epoch_trigger() returns trigger language plpgsql security definer set search_path = public as $$
begin
  if tg_op = 'DELETE' then
    perform l2c_count_auth_epoch(old.tenant_id);
  else
    perform l2c_count_auth_epoch(new.tenant_id);
  end if;
  return null;
end $$;

create function l2c_auth_epoch_tenant_trigger() returns trigger language plpgsql security definer set search_path = public as $$
begin
  perform l2c_count_auth_epoch(coalesce(new.id, old.id));
  return null;
end $$;

-- What the look-up reads (l2c_live_token below): a token's hash, kind, CSRF hash, expiry and revocation (not its
-- last use, touched once a minute); a user's role, team, name and whether active (not the failed-login counters);
-- the tenant's time zone. A new token or user changes no cached row.
create trigger auth_tokens_epoch_update after update on auth_tokens for each row
  when ((old.token_hash, old.kind, old.csrf_hash, old.expires_at, old.revoked_at, old.user_id, old.tenant_id)
    is distinct from (new.token_hash, new.kind, new.csrf_hash, new.expires_at, new.revoked_at, new.user_id, new.tenant_id))
  execute function l2c_auth_epoch_trigger();
create trigger auth_tokens_epoch_delete after delete on auth_tokens for each row execute function l2c_auth_epoch_trigger();
create trigger users_epoch_update after update on users for each row
  when ((old.role, old.team_id, old.name, old.active, old.tenant_id) is distinct from (new.role, new.team_id, new.name, new.active, new.tenant_id))
  execute function l2c_auth_epoch_trigger();
create trigger users_epoch_delete after delete on users for each row execute function l2c_auth_epoch_trigger();
create trigger tenants_epoch_update after update on tenants for each row
  when (old.timezone is distinct from new.timezone) execute function l2c_auth_epoch_tenant_trigger();

-- The look-up also returns the token's expiry (a cached row expires in the process too) and the tenant's epoch, read
-- in the same statement, so in the same snapshot, as the row.
drop function l2c_live_token(text);
create function l2c_live_token(hash text)
returns table (token_id uuid, tenant_id uuid, user_id uuid, role text, team_id uuid, name text, kind text,
  csrf_hash text, last_used_at timestamptz, time_zone text, expires_at timestamptz, epoch bigint)
language plpgsql stable security definer set search_path = public as $$
begin
  return query
    select t.id, t.tenant_id, t.user_id, u.role::text, u.team_id, u.name, t.kind::text, t.csrf_hash, t.last_used_at,
      tn.timezone::text, t.expires_at, coalesce((select e.n from auth_epochs e where e.tenant_id = t.tenant_id), 0)
    from auth_tokens t join users u on u.tenant_id = t.tenant_id and u.id = t.user_id join tenants tn on tn.id = t.tenant_id
    where t.token_hash = hash and t.revoked_at is null and (t.expires_at is null or t.expires_at > now()) and u.active;
end
$$;
revoke execute on function l2c_live_token(text) from public;

-- The cache check: the tenant's epoch (0 until its first change). As the owner, before the role turns to l2c_app.
create function l2c_auth_epoch(tenant uuid) returns bigint language sql stable security definer set search_path = public as $$
  select coalesce((select n from auth_epochs where tenant_id = tenant), 0)
$$;
revoke execute on function l2c_auth_epoch(uuid) from public;

-- A transaction's settings, after `begin`, in one call: the tenant and user row-level security reads, plans per call
-- when asked (db.ts Actor.planPerCall), then the role; returns the tenant's auth epoch (the cache check). One function
-- call instead of a statement of four set_config() the server parses and plans every time: on the path of every
-- request (0.03 ms of server CPU and 0.04 ms of the app's per transaction, measured). Runs as the caller — the owner,
-- before the role turns — and with no SET clause, so that set_config(…, true) lasts until the transaction ends (a SET
-- clause or SECURITY DEFINER would undo the settings or the role on return); hence public.auth_epochs by name.
create function l2c_begin_as(tenant uuid, usr text, per_call boolean) returns bigint language plpgsql as $$
declare epoch bigint;
begin
  select coalesce((select e.n from public.auth_epochs e where e.tenant_id = tenant), 0) into epoch;
  perform set_config('app.tenant_id', tenant::text, true), set_config('app.user_id', usr, true);
  if per_call then perform set_config('plan_cache_mode', 'force_custom_plan', true); end if;
  perform set_config('role', 'l2c_app', true);
  return epoch;
end $$;
revoke execute on function l2c_begin_as(uuid, text, boolean) from public;
