-- Collections: aging, DSO, overdue alerts, statements. Indexes only; the facts live in 006.

-- Aging as of today reads only open invoices. Every column the report touches is in the index, so the aggregate is an
-- index-only scan of the open 30% instead of a walk over every receivable ever booked.
create index receivables_open_aging on receivables (tenant_id, due_date)
  include (amount_open, customer_id, owner_id, business_date, currency, contract_id, id)
  where amount_open > 0 and kind = 'invoice';

-- DSO reads sales by booking date: the last 90 days, and month by month for the countback.
create index receivables_booked on receivables (tenant_id, business_date) include (amount, currency, owner_id, customer_id);

-- Aging as of a past day adds back what was applied after that day: allocations by date.
create index allocations_applied_on on allocations (tenant_id, applied_on) include (receivable_id, amount);

-- Statements: a customer's receivables by booking date (the existing index is by due date), and the allocations of
-- the customer's write-offs (also what a write-off's own view reads).
create index receivables_customer_booked on receivables (tenant_id, customer_id, business_date);
create index allocations_write_off on allocations (tenant_id, write_off_id);

-- The overdue job finds yesterday's marks to clear them once a receivable is paid or no longer overdue.
create index receivables_overdue_marked on receivables (tenant_id, overdue_marked_on) where overdue_marked_on is not null;

-- A user's unread notifications first.
create index notifications_unread on notifications (tenant_id, user_id, created_at desc) where read_at is null;
