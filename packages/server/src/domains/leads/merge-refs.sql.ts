// Leads pointing at a merged customer or contact (their conversion, or their duplicate flag): statements only.
import type { Tx } from '../../platform/db.js';

const none = ['00000000-0000-0000-0000-000000000000'];

export async function moveConversionRefs(tx: Tx, kind: 'customer' | 'contact', from: string, to: string, ids?: string[]): Promise<string[]> {
  const column = kind === 'customer' ? 'converted_customer_id' : 'converted_contact_id';
  let q = tx.updateTable('leads').set({ [column]: to }).where(column, '=', from);
  if (ids) q = q.where('id', 'in', ids.length ? ids : none);
  return (await q.returning('id').execute()).map((r) => r.id);
}

export async function moveDuplicateFlags(tx: Tx, kind: 'lead' | 'customer' | 'contact', from: string, to: string, ids?: string[]): Promise<string[]> {
  let q = tx.updateTable('leads').set({ duplicate_id: to }).where('duplicate_kind', '=', kind).where('duplicate_id', '=', from).where('id', '<>', to);
  if (ids) q = q.where('id', 'in', ids.length ? ids : none);
  return (await q.returning('id').execute()).map((r) => r.id);
}
