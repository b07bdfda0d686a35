-- The row-level-security helpers only read (a setting, the teams and users tables), so they are safe in parallel
-- workers: PostgreSQL copies the transaction's settings and role to each worker. Declared unsafe (the default), they
-- kept every tenant-scoped query serial — the aging report over a million receivables ran on one core while the bare
-- SQL aggregate got parallel workers (docs/benchmarks.md).
alter function app_tenant_id() parallel safe;
alter function visible_owner_ids(uuid, text) parallel safe;
