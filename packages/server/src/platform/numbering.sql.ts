// Statements of the number formats screen (numbering.ts): formats, and the counters they read.
import { sql } from 'kysely';
import type { Tx } from './db.js';

export async function listFormats(tx: Tx) {
  return tx.selectFrom('doc_number_formats').select(['id', 'doc_type', 'prefix', 'date_pattern', 'separator', 'width', 'reset', 'version', 'updated_at']).execute();
}
export type FormatRow = Awaited<ReturnType<typeof listFormats>>[number];

export async function lockFormat(tx: Tx, docType: string): Promise<FormatRow | undefined> {
  return tx.selectFrom('doc_number_formats').select(['id', 'doc_type', 'prefix', 'date_pattern', 'separator', 'width', 'reset', 'version', 'updated_at'])
    .where('doc_type', '=', docType).forUpdate().executeTakeFirst();
}

export async function upsertFormat(tx: Tx, v: { tenantId: string; docType: string; prefix: string; datePattern: string; separator: string; width: number; reset: string; userId: string | null }) {
  await sql`insert into doc_number_formats (tenant_id, doc_type, prefix, date_pattern, separator, width, reset, updated_by)
    values (${v.tenantId}, ${v.docType}, ${v.prefix}, ${v.datePattern}, ${v.separator}, ${v.width}, ${v.reset}, ${v.userId})
    on conflict (tenant_id, doc_type) do update set prefix = excluded.prefix, date_pattern = excluded.date_pattern, separator = excluded.separator,
      width = excluded.width, reset = excluded.reset, updated_by = excluded.updated_by, updated_at = now(), version = doc_number_formats.version + 1`.execute(tx);
}

/** The counters' current values for a type: the period's own and the highest of any period. */
export async function counterValues(tx: Tx, docType: string, period: number): Promise<{ current: number; highest: number }> {
  const r = await sql<{ current: number | null; highest: number | null }>`
    select max(last_value) filter (where year = ${period}) as current, max(last_value) as highest from doc_sequences where doc_type = ${docType}`.execute(tx);
  return { current: Number(r.rows[0]?.current ?? 0), highest: Number(r.rows[0]?.highest ?? 0) };
}

/** A counter of a new period kind starts above every number the type has had, so a changed format cannot repeat one. */
export async function seedCounter(tx: Tx, tenantId: string, docType: string, period: number, value: number): Promise<void> {
  await sql`insert into doc_sequences (tenant_id, doc_type, year, last_value) values (${tenantId}, ${docType}, ${period}, ${value})
    on conflict (tenant_id, doc_type, year) do update set last_value = greatest(doc_sequences.last_value, excluded.last_value)`.execute(tx);
}
