// Statements of the credit position screen: is the customer in the caller's data scope (owner semi-join, like lockCustomer
// but without the lock: a read), and its grade for the default limit shown beside the position.
import { sql } from 'kysely';
import type { DataScope } from '@l2c/shared';
import type { Tx } from '../../platform/db.js';

export async function visibleCustomerGrade(tx: Tx, customerId: string, userId: string, scope: DataScope) {
  const visible = scope === 'all' ? sql`true` : sql`(owner_id is null or owner_id = any(array(select visible_owner_ids(${userId}::uuid, ${scope}))))`;
  const r = await sql<{ id: string; grade: string | null; name: string }>`select id, grade, name from customers where id = ${customerId} and ${visible}`.execute(tx);
  return r.rows[0];
}
