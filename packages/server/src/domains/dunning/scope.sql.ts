// The data-scope predicate of dunning's reads: money follows the receivables' rule — the customer's owner is in the
// caller's scope (a customer in the public pool is not).
import { sql, type RawBuilder } from 'kysely';
import type { DataScope } from '@l2c/shared';
import type { Tx } from '../../platform/db.js';

export function customerScope(alias: string, userId: string, scope: DataScope): RawBuilder<unknown> {
  if (scope === 'all') return sql`true`;
  return sql`${sql.ref(`${alias}.owner_id`)} = any(array(select visible_owner_ids(${userId}::uuid, ${scope})))`;
}

export async function visibleCustomer(tx: Tx, customerId: string, userId: string, scope: DataScope) {
  const r = await sql<{ id: string; name: string; owner_id: string | null }>`
    select c.id, c.name, c.owner_id from customers c where c.id = ${customerId} and ${customerScope('c', userId, scope)}`.execute(tx);
  return r.rows[0];
}
