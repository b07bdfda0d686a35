-- Document numbers are taken on a connection of their own, beside the request's transaction (platform/sequences.ts).
-- The foreign key to tenants made that statement lock the tenant row (KEY SHARE) — a wait on any transaction holding
-- that row FOR UPDATE, which could be the very request waiting for its number. A counter row needs no such check:
-- it is only ever written by the numbering statement, for the tenant of an authenticated request.
alter table doc_sequences drop constraint if exists doc_sequences_tenant_id_fkey;
