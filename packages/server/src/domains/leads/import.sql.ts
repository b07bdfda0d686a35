// Lead import jobs and their failed rows: statements only.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db.js';

export interface ImportRowDb {
  id: string; filename: string; status: 'running' | 'done' | 'failed'; total_rows: number; processed_rows: number; created_count: number;
  duplicate_count: number; failed_count: number; error: string | null; created_by: string | null; created_at: string; finished_at: string | null;
}

export async function insertImport(tx: Tx, i: { tenantId: string; filename: string; source: string; campaignId: string | null; totalRows: number; createdBy: string }): Promise<string> {
  const r = await tx.insertInto('lead_imports').values({
    tenant_id: i.tenantId, filename: i.filename, source: i.source, campaign_id: i.campaignId, total_rows: i.totalRows, created_by: i.createdBy,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

const cols = sql`id, filename, status, total_rows, processed_rows, created_count, duplicate_count, failed_count, error, created_by, created_at, finished_at`;

/** An import the user may see: his own, or any with `all`. */
export async function findImport(tx: Tx, id: string, userId: string, all: boolean): Promise<ImportRowDb | undefined> {
  const r = await sql<ImportRowDb>`select ${cols} from lead_imports where id = ${id} and (${all} or created_by = ${userId}::uuid)`.execute(tx);
  return r.rows[0];
}

export async function listImports(tx: Tx, userId: string, all: boolean): Promise<ImportRowDb[]> {
  const r = await sql<ImportRowDb>`select ${cols} from lead_imports where ${all} or created_by = ${userId}::uuid order by created_at desc, id limit 20`.execute(tx);
  return r.rows;
}

export async function addProgress(tx: Tx, id: string, p: { processed: number; created: number; duplicates: number; failed: number }) {
  await tx.updateTable('lead_imports').set((eb) => ({
    processed_rows: eb('processed_rows', '+', p.processed), created_count: eb('created_count', '+', p.created),
    duplicate_count: eb('duplicate_count', '+', p.duplicates), failed_count: eb('failed_count', '+', p.failed),
  })).where('id', '=', id).execute();
}

export async function finishImport(tx: Tx, id: string, status: 'done' | 'failed', error: string | null) {
  await tx.updateTable('lead_imports').set({ status, error, finished_at: sql`now()` }).where('id', '=', id).execute();
}

export async function insertFailures(tx: Tx, tenantId: string, importId: string, rows: Array<{ row: number; values: Record<string, string>; reasons: string }>) {
  if (rows.length === 0) return;
  await tx.insertInto('lead_import_failures').values(rows.map((r) => ({
    tenant_id: tenantId, import_id: importId, row_no: r.row, values: JSON.stringify(r.values), reasons: r.reasons,
  }))).execute();
}

export async function listFailures(tx: Tx, importId: string, afterRow: number, limit: number): Promise<Array<{ row_no: number; values: Record<string, string>; reasons: string }>> {
  const r = await sql<{ row_no: number; values: Record<string, string>; reasons: string }>`select row_no, "values", reasons from lead_import_failures
    where import_id = ${importId} and row_no > ${afterRow} order by row_no limit ${limit}`.execute(tx);
  return r.rows;
}
