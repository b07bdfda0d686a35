-- Bad-debt requests: at most one waiting for a decision per receivable (the request flow checks this under the
-- receivable's row lock; the index makes it a database fact), and the index the per-receivable list filters on.
create unique index bad_debt_requests_one_pending on bad_debt_requests (tenant_id, receivable_id) where status = 'pending';
create index bad_debt_requests_receivable on bad_debt_requests (tenant_id, receivable_id, created_at desc);
