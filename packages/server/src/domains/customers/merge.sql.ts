// Merge statements of customers and contacts (flows/merge): the chosen values onto the master, the duplicate marked
// merged, its contacts, follow-ups and subsidiaries moved — each returning the ids it moved, so an undo moves exactly
// those back.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db.js';

const none = ['00000000-0000-0000-0000-000000000000'];

export async function mergedInto(tx: Tx, table: 'customers' | 'contacts', id: string): Promise<string | null | undefined> {
  const r = await sql<{ merged_into_id: string | null }>`select merged_into_id from ${table === 'customers' ? sql`customers` : sql`contacts`} where id = ${id}`.execute(tx);
  return r.rows[0]?.merged_into_id;
}

export async function setCustomerMerged(tx: Tx, id: string, into: string | null, creditCode: { clear: boolean } | { restore: string | null }) {
  await tx.updateTable('customers').set((eb) => ({
    merged_into_id: into, version: eb('version', '+', 1), updated_at: sql`now()`,
    ...('clear' in creditCode ? (creditCode.clear ? { credit_code: null } : {}) : { credit_code: creditCode.restore }),
  })).where('id', '=', id).execute();
}

export async function moveContacts(tx: Tx, from: string, to: string, ids?: string[]): Promise<string[]> {
  let q = tx.updateTable('contacts').set((eb) => ({ customer_id: to, is_primary: ids ? eb.ref('is_primary') : false, version: eb('version', '+', 1), updated_at: sql`now()` })).where('customer_id', '=', from);
  if (ids) q = q.where('id', 'in', ids.length ? ids : none);
  return (await q.returning('id').execute()).map((r) => r.id);
}

export async function moveFollowUps(tx: Tx, column: 'customer_id' | 'contact_id', from: string, to: string, ids?: string[]): Promise<string[]> {
  let q = tx.updateTable('followups').set({ [column]: to }).where(column, '=', from);
  if (ids) q = q.where('id', 'in', ids.length ? ids : none);
  return (await q.returning('id').execute()).map((r) => r.id);
}

export async function moveSubsidiaries(tx: Tx, from: string, to: string, ids?: string[]): Promise<string[]> {
  let q = tx.updateTable('customers').set((eb) => ({ parent_id: to, version: eb('version', '+', 1), updated_at: sql`now()` })).where('parent_id', '=', from).where('id', '<>', to);
  if (ids) q = q.where('id', 'in', ids.length ? ids : none);
  return (await q.returning('id').execute()).map((r) => r.id);
}

export async function setContactMerged(tx: Tx, id: string, into: string | null) {
  await tx.updateTable('contacts').set((eb) => ({
    merged_into_id: into, deleted_at: into ? sql`now()` : null, version: eb('version', '+', 1), updated_at: sql`now()`,
  })).where('id', '=', id).execute();
}

export async function findContactAny(tx: Tx, id: string) {
  return tx.selectFrom('contacts').select(['id', 'customer_id', 'name', 'title', 'mobile', 'phone', 'email', 'decision_role', 'is_primary', 'remark', 'version', 'deleted_at', 'merged_into_id'])
    .where('id', '=', id).forUpdate().executeTakeFirst();
}
