// What opportunities read from key accounts' decision map for the health score (declared in key-accounts/tables.ts).
import { sql } from 'kysely';
import type { Tx } from '../../platform/db.js';

export async function decisionFacts(tx: Tx, customerId: string) {
  const r = await sql<{ name: string; role: string; attitude: string; influence: number }>`
    select ct.name, d.role, d.attitude, d.influence from decision_roles d join contacts ct on ct.id = d.contact_id
    where d.customer_id = ${customerId} and ct.deleted_at is null order by d.influence desc, ct.name`.execute(tx);
  return r.rows;
}
