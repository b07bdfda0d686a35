// Duplicate rule statements: builder queries typed by the schema.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db.js';

const columns = ['id', 'object', 'name', 'fields', 'blocking', 'threshold', 'action', 'active', 'version'] as const;

export type RuleRow = Awaited<ReturnType<typeof listRules>>[number];

export async function listRules(tx: Tx) {
  return tx.selectFrom('duplicate_rules').select(columns).orderBy('object').orderBy('name').execute();
}

export async function findRule(tx: Tx, id: string, forUpdate = false) {
  const q = tx.selectFrom('duplicate_rules').select(columns).where('id', '=', id);
  return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

export interface RuleWrite {
  object: 'lead' | 'contact' | 'customer'; name: string; fields: string[]; blocking: 'prefix' | 'exact'; threshold: number;
  action: 'flag' | 'block'; active: boolean;
}

export async function insertRule(tx: Tx, tenantId: string, w: RuleWrite): Promise<string> {
  const r = await tx.insertInto('duplicate_rules').values({ tenant_id: tenantId, ...w, threshold: String(w.threshold) })
    .returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateRule(tx: Tx, id: string, w: RuleWrite) {
  await tx.updateTable('duplicate_rules').set((eb) => ({ ...w, threshold: String(w.threshold), version: eb('version', '+', 1), updated_at: sql`now()` }))
    .where('id', '=', id).execute();
}

export async function deleteRule(tx: Tx, id: string) {
  await tx.deleteFrom('duplicate_rules').where('id', '=', id).execute();
}
