-- Bad debt 坏账 is decided through the approval engine (document type bad_debt, built-in definition in
-- approvals.rules.ts). A request that was waiting for a decision before this migration gets its approval request now,
-- as if submitted when it was made, so nothing pending is lost: one step, pending, with the built-in definition's
-- approvers resolved as the engine would — from 50,000 the executives (the admins when there are none), else the
-- executives and admins — never the requester. No table changes: the request is found by (tenant_id, doc_type, doc_id).
with pending as (
  select b.tenant_id, b.id, b.amount, b.reason, b.requested_by, b.created_at, r.id as receivable_id, r.number, r.currency,
    r.amount_open, c.name as customer_name, b.amount >= 50000 as big
  from bad_debt_requests b
  join receivables r on r.tenant_id = b.tenant_id and r.id = b.receivable_id
  join customers c on c.tenant_id = r.tenant_id and c.id = r.customer_id
  where b.status = 'pending' and not exists (select 1 from approval_requests a
    where a.tenant_id = b.tenant_id and a.doc_type = 'bad_debt' and a.doc_id = b.id and a.status = 'pending')
), requests as (
  insert into approval_requests (tenant_id, doc_type, doc_id, doc_number, title, audit_entity_type, audit_entity_id, status,
    current_seq, facts, definition_version, submitted_by, created_at)
  select p.tenant_id, 'bad_debt', p.id, p.number, p.customer_name || ' · ' || p.reason, 'receivable', p.receivable_id, 'pending', 1,
    jsonb_build_object('amount', p.amount::text, 'currency', p.currency, 'amountOpen', p.amount_open::text, 'reason', p.reason,
      'customerName', p.customer_name),
    null, p.requested_by, p.created_at
  from pending p
  returning tenant_id, id, doc_id, submitted_by, created_at
), steps as (
  insert into approval_steps (tenant_id, request_id, seq, name, rule, approver, approver_ids, status, pending_since)
  select q.tenant_id, q.id, 1,
    case when p.big then 'Executive' else 'Second approver' end,
    case when p.big then 'Write-off of 50,000 or more' end,
    case when p.big then '{"type":"role","role":"executive"}'::jsonb else '{"type":"roles","roles":["executive","admin"]}'::jsonb end,
    coalesce(
      nullif(array(select u.id from users u where u.tenant_id = q.tenant_id and u.active and u.id is distinct from q.submitted_by
        and u.role = any(case when p.big then array['executive'] else array['executive','admin'] end) order by u.name, u.id), '{}'::uuid[]),
      array(select u.id from users u where u.tenant_id = q.tenant_id and u.active and u.id is distinct from q.submitted_by
        and u.role = 'admin' order by u.name, u.id)),
    'pending', q.created_at
  from requests q join pending p on p.tenant_id = q.tenant_id and p.id = q.doc_id
  returning tenant_id
)
insert into approval_actions (tenant_id, request_id, step_seq, action, actor_id, comment, at)
select q.tenant_id, q.id, null, 'submit', q.submitted_by, 'bad-debt request made before its approval moved to the approval engine', q.created_at
from requests q;
