// Sales processes and stages: statements only.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db.js';

export type ProcessRow = Awaited<ReturnType<typeof listProcesses>>[number];
export type StageRow = Awaited<ReturnType<typeof stagesOf>>[number];

export async function listProcesses(tx: Tx) {
  return tx.selectFrom('sales_processes').select(['id', 'name', 'product_line', 'is_default', 'active', 'created_at'])
    .orderBy('is_default', 'desc').orderBy('name').execute();
}

export async function findProcess(tx: Tx, id: string) {
  return tx.selectFrom('sales_processes').select(['id', 'name', 'product_line', 'is_default', 'active', 'created_at'])
    .where('id', '=', id).executeTakeFirst();
}

export async function defaultProcessId(tx: Tx): Promise<string | undefined> {
  const r = await tx.selectFrom('sales_processes').select('id').where('is_default', '=', true).executeTakeFirst();
  return r?.id;
}

/** The default process, inserted unless one exists (two first requests at once: the second finds the first's). */
export async function insertDefaultProcess(tx: Tx, tenantId: string, name: string): Promise<string | undefined> {
  const r = await sql<{ id: string }>`insert into sales_processes (tenant_id, name, is_default) values (${tenantId}, ${name}, true)
    on conflict (tenant_id) where is_default do nothing returning id`.execute(tx);
  return r.rows[0]?.id;
}

export async function insertProcess(tx: Tx, tenantId: string, p: { name: string; productLine: string | null; isDefault: boolean }): Promise<string> {
  const r = await tx.insertInto('sales_processes').values({ tenant_id: tenantId, name: p.name, product_line: p.productLine, is_default: p.isDefault })
    .returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateProcess(tx: Tx, id: string, p: { name: string; productLine: string | null; active: boolean }) {
  await tx.updateTable('sales_processes').set({ name: p.name, product_line: p.productLine, active: p.active }).where('id', '=', id).execute();
}

export async function stagesOf(tx: Tx, processIds: string[]) {
  if (processIds.length === 0) return [];
  return tx.selectFrom('sales_stages').select(['id', 'process_id', 'seq', 'name', 'kind', 'probability', 'requirements'])
    .where('process_id', 'in', processIds).orderBy('process_id').orderBy('seq').execute();
}

export async function findStage(tx: Tx, id: string) {
  return tx.selectFrom('sales_stages').select(['id', 'process_id', 'seq', 'name', 'kind', 'probability', 'requirements'])
    .where('id', '=', id).executeTakeFirst();
}

export interface StageWrite { seq: number; name: string; kind: 'open' | 'won' | 'lost'; probability: string; requirements: unknown[] }

export async function insertStages(tx: Tx, tenantId: string, processId: string, stages: StageWrite[]) {
  if (stages.length === 0) return;
  await tx.insertInto('sales_stages').values(stages.map((s) => ({
    tenant_id: tenantId, process_id: processId, seq: s.seq, name: s.name, kind: s.kind, probability: s.probability,
    requirements: JSON.stringify(s.requirements),
  }))).execute();
}

/** A stage's name, probability and requirements; its kind and order stay (opportunities and their history point at it). */
export async function updateStage(tx: Tx, id: string, s: { name: string; probability: string; requirements: unknown[] }) {
  await tx.updateTable('sales_stages').set({ name: s.name, probability: s.probability, requirements: JSON.stringify(s.requirements) })
    .where('id', '=', id).execute();
}
