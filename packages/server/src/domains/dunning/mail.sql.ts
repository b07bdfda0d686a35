// Outbound mail statements: claim queued mail for delivery (skip locked: two processes never take the same mail),
// mark the outcome, list the outbox.
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../platform/db.js';

export interface ClaimedMail { id: string; to_address: string | null; subject: string; body: string; step_run_id: string | null; action: string | null; detail: unknown }

/**
 * Claim up to `limit` mails to send: queued ones, and ones whose sender died (claimed more than 10 minutes ago and not
 * finished). The claim commits before anything is sent, so a crash between send and mark can repeat one mail, never lose it.
 */
export async function claimQueued(tx: Tx, ids: string[] | null, limit: number): Promise<ClaimedMail[]> {
  const r = await sql<ClaimedMail>`
    with picked as (
      select m.id from dunning_mail m
      where (m.status = 'queued' or (m.status = 'sending' and m.claimed_at < now() - interval '10 minutes'))
        and ${ids ? sql`m.id = any(${ids}::uuid[])` : sql`true`}
      order by m.created_at, m.id limit ${limit} for update skip locked),
    up as (update dunning_mail m set status = 'sending', attempts = m.attempts + 1, claimed_at = now() from picked where m.id = picked.id
      returning m.id, m.to_address, m.subject, m.body, m.step_run_id)
    select up.*, sr.action, sr.detail from up left join dunning_step_runs sr on sr.id = up.step_run_id order by up.id`.execute(tx);
  return r.rows;
}

export async function markSent(tx: Tx, id: string, messageId: string | null): Promise<void> {
  await tx.updateTable('dunning_mail').set({ status: 'sent', sent_at: sql`now()`, message_id: messageId, error: null }).where('id', '=', id).execute();
}

export async function markFailed(tx: Tx, id: string, error: string): Promise<void> {
  await tx.updateTable('dunning_mail').set({ status: 'failed', error: error.slice(0, 1000) }).where('id', '=', id).execute();
}

export async function mailForUpdate(tx: Tx, id: string, scope: RawBuilder<unknown>) {
  const r = await sql<{ id: string; status: string; to_address: string | null; customer_id: string }>`
    select m.id, m.status, m.to_address, m.customer_id from dunning_mail m join customers c on c.id = m.customer_id
    where m.id = ${id} and ${scope} for update of m`.execute(tx);
  return r.rows[0];
}

export async function requeue(tx: Tx, id: string, to: string): Promise<void> {
  await tx.updateTable('dunning_mail').set({ status: 'queued', to_address: to, error: null }).where('id', '=', id).execute();
}

export async function listMail(tx: Tx, f: { status: string | null; customerId: string | null; limit: number }, scope: RawBuilder<unknown>) {
  const r = await sql<{ id: string; customer_id: string; customer_name: string; to_address: string | null; subject: string; body: string; status: 'outbox' | 'queued' | 'sending' | 'sent' | 'failed';
    attempts: number; sent_at: string | null; error: string | null; created_at: string }>`
    select m.id, m.customer_id, c.name as customer_name, m.to_address, m.subject, m.body, m.status, m.attempts, m.sent_at, m.error, m.created_at
    from dunning_mail m join customers c on c.id = m.customer_id
    where ${scope} and ${f.status ? sql`m.status = ${f.status}` : sql`true`} and ${f.customerId ? sql`m.customer_id = ${f.customerId}` : sql`true`}
    order by m.created_at desc, m.id limit ${f.limit}`.execute(tx);
  return r.rows;
}
