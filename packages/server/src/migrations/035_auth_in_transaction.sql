-- Authentication in the request's first round trip (issue 13, item 2). A read route that opts in (platform/auth.ts
-- `openTx`) sends `begin`, this look-up and the tenant settings as one message, so the request costs the round trips
-- of its bare SQL in a transaction (begin + settings, the query, commit) instead of one more for the token.
--
-- The same look-up as platform/auth.sql.ts liveToken, as the owner (the tenant is what we are finding out). PL/pgSQL
-- so its plan is cached per connection, as the named prepared statement is for the separate look-up. The caller sets
-- app.tenant_id, app.user_id and the role from the row it returns, in the same SELECT (set_config is local to the
-- transaction there; inside a function with a SET clause it would be undone on return).
create function l2c_live_token(hash text)
returns table (token_id uuid, tenant_id uuid, user_id uuid, role text, team_id uuid, name text, kind text,
  csrf_hash text, last_used_at timestamptz, time_zone text)
language plpgsql stable security definer set search_path = public as $$
begin
  return query
    select t.id, t.tenant_id, t.user_id, u.role::text, u.team_id, u.name, t.kind::text, t.csrf_hash, t.last_used_at,
      tn.timezone::text
    from auth_tokens t join users u on u.tenant_id = t.tenant_id and u.id = t.user_id join tenants tn on tn.id = t.tenant_id
    where t.token_hash = hash and t.revoked_at is null and (t.expires_at is null or t.expires_at > now()) and u.active;
end
$$;
revoke execute on function l2c_live_token(text) from public;
