-- The customer list sorts by name and by last follow-up (customers.service SORT_EXPR); without an index for either,
-- the first page of a 100k-customer tenant sorted that way read and sorted every row (docs/benchmarks.md).
-- The follow-up expression must match SORT_EXPR exactly for the planner to use it.
create index customers_name_sort on customers (tenant_id, name, id);
create index customers_followup_sort on customers (tenant_id, (coalesce(last_followup_at, 'epoch'::timestamptz)), id);
