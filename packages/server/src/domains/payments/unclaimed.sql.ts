// Payments 待认领 (unclaimed): money seen on our bank statement whose customer is not known yet. Statements only.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db.js';

export async function insertUnclaimed(tx: Tx, p: {
  tenantId: string; number: string; currency: string; amount: string; receivedOn: string; payerName: string | null; payerAccount: string | null;
  bankReference: string | null; remark: string | null; registeredBy: string | null;
}): Promise<{ id: string }> {
  const r = await sql<{ id: string }>`insert into payments (tenant_id, number, customer_id, currency, amount, amount_unapplied, received_on, method,
      payer_name, payer_account, bank_reference, remark, registered_by, status)
    values (${p.tenantId}, ${p.number}, null, ${p.currency}, ${p.amount}::numeric, ${p.amount}::numeric, ${p.receivedOn}, 'bank_transfer',
      ${p.payerName}, ${p.payerAccount}, ${p.bankReference}, ${p.remark}, ${p.registeredBy}, 'unclaimed')
    returning id`.execute(tx);
  return r.rows[0]!;
}

/** The unclaimed payment under its row lock (ADR 0004 level 6). */
export async function lockUnclaimed(tx: Tx, id: string) {
  const r = await sql<{ id: string; number: string; status: string; currency: string; amount: string; amount_unapplied: string; received_on: string; version: number }>`
    select id, number, status, currency, amount, amount_unapplied, received_on, version from payments where id = ${id} for update`.execute(tx);
  return r.rows[0];
}

/** 认领: the payment is the customer's; the bank statement has shown the money is real, so it is confirmed with it. */
export async function claimUnclaimed(tx: Tx, id: string, customerId: string, userId: string | null) {
  await sql`update payments set customer_id = ${customerId}, status = 'confirmed', confirmed_by = ${userId}, confirmed_at = now(), version = version + 1
    where id = ${id} and status = 'unclaimed'`.execute(tx);
}

export async function rejectUnclaimed(tx: Tx, id: string, reason: string) {
  await sql`update payments set status = 'rejected', rejected_reason = ${reason}, version = version + 1 where id = ${id} and status = 'unclaimed'`.execute(tx);
}

/** A payment registered by hand, under its row lock (the caller holds its customer's lock: ADR 0004). */
export async function lockRegistered(tx: Tx, id: string) {
  const r = await sql<{ id: string; number: string; status: string; customer_id: string | null; currency: string; amount: string; received_on: string }>`
    select id, number, status, customer_id, currency, amount, received_on from payments where id = ${id} for update`.execute(tx);
  return r.rows[0];
}

/** claimed → confirmed by the bank statement line that shows the money (no person's confirmation needed). */
export async function confirmByBank(tx: Tx, id: string, userId: string | null) {
  await sql`update payments set status = 'confirmed', confirmed_by = ${userId}, confirmed_at = now(), version = version + 1
    where id = ${id} and status = 'claimed'`.execute(tx);
}
