-- A bank line and a payment registered by hand are the same money once (flows/bank-reconciliation, dedupe.ts).
--
-- A rep or finance may register a payment (POST /payments) before the statement shows it, or after the statement's
-- line became a payment 待认领. The line is then linked to the payment that was there — not booked a second time — and
-- a payment is the money of at most one bank line: the unique index below is the last word on that, whatever the code.
create unique index bank_statement_lines_payment on bank_statement_lines (tenant_id, payment_id) where payment_id is not null;

-- linked: the line is a payment registered by hand (found at import, or confirmed by finance from a proposal).
alter table bank_statement_lines drop constraint bank_statement_lines_matched_how_check;
alter table bank_statement_lines add constraint bank_statement_lines_matched_how_check
  check (matched_how in ('auto','confirmed','split','claimed','linked'));

-- existing_payment: "this line is payment HK-… already registered", for finance to confirm (link) or reject (the line
-- then becomes a payment 待认领 of its own).
alter table bank_match_proposals drop constraint bank_match_proposals_rule_check;
alter table bank_match_proposals add constraint bank_match_proposals_rule_check
  check (rule in ('reference','payer_amount','payer_set','payer_instalment','payer_only','amount_only','existing_payment'));
alter table bank_match_proposals add column payment_id uuid;
alter table bank_match_proposals add constraint bank_match_proposals_payment
  foreign key (tenant_id, payment_id) references payments (tenant_id, id);

-- The hand-registered payments of an amount around a date: what an import looks up for each of its credit lines.
create index payments_registered_amount on payments (tenant_id, amount, received_on) where status in ('claimed','confirmed');
