-- Idempotency keys belong to a caller, not to the whole tenant. Keyed on (tenant, scope, key), a key that finance had
-- used replayed finance's confirmed payment to a sales rep who sent the same key and body: the rep's request never
-- ran, and with it never ran its permission checks. A key is now one caller's (`user:<id>` for sessions,
-- `token:<id>` for an API token) on one route (the scope); another caller's same key is a new request of its own.
-- Keys stored before this migration keep the caller '' and so match no one: a retry across the upgrade runs anew,
-- and its money facts still meet their own duplicate checks (bank reference, versions).
alter table idempotency_keys add column caller text not null default '';
alter table idempotency_keys alter column caller drop default;
alter table idempotency_keys drop constraint idempotency_keys_pkey, add primary key (tenant_id, caller, scope, key);
