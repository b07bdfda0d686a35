// Settlement facts of receivables: write-off headers and their allocation edges (payment, credit note, rebate or bad
// debt → receivable). Append-only: a reversal is a new header with negated edges, never an update.
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../platform/db.js';
import { PREPARE_ANYWAY } from '../../platform/prepared.js';

export interface WriteOffInsert { tenantId: string; number: string; customerId: string; kind: string; reversesId: string | null; appliedOn: string; total: string; memo: string | null; createdBy: string | null }

export async function insertWriteOff(tx: Tx, w: WriteOffInsert) {
  const r = await sql<{ id: string }>`insert into write_offs (tenant_id, number, customer_id, kind, reverses_id, applied_on, total, memo, created_by)
    values (${w.tenantId}, ${w.number}, ${w.customerId}, ${w.kind}, ${w.reversesId}, ${w.appliedOn}, ${w.total}::numeric, ${w.memo}, ${w.createdBy})
    returning id`.execute(tx);
  return r.rows[0]!.id;
}

export interface AllocationInsert {
  tenantId: string; writeOffId: string; receivableId: string; sourceType: string; paymentId: string | null;
  creditNoteId: string | null; amount: string; reversesId: string | null; appliedOn: string;
}

export async function insertAllocations(tx: Tx, rows: AllocationInsert[]) {
  if (rows.length === 0) return;
  await sql`insert into allocations (tenant_id, write_off_id, receivable_id, source_type, payment_id, credit_note_id, amount, reverses_id, applied_on)
    select * from unnest(${rows.map((r) => r.tenantId)}::uuid[], ${rows.map((r) => r.writeOffId)}::uuid[], ${rows.map((r) => r.receivableId)}::uuid[],
      ${rows.map((r) => r.sourceType)}::text[], ${rows.map((r) => r.paymentId)}::uuid[], ${rows.map((r) => r.creditNoteId)}::uuid[],
      ${rows.map((r) => r.amount)}::numeric[], ${rows.map((r) => r.reversesId)}::uuid[], ${rows.map((r) => r.appliedOn)}::date[])`.execute(tx);
}

/**
 * A write-off header (its id chosen by the caller) and its allocations in one statement, with `alongside` (the
 * ledger entries the write-off posts, a statement of their owner) riding in the same round trip as a WITH clause.
 * The allocations' key to the header is checked at the end of the statement, when the header is there. A write over
 * `unnest(…)`, with no plan to get wrong: prepared (PREPARE_ANYWAY), so it is parsed and rewritten once per session.
 */
export async function insertSettlement(tx: Tx, w: WriteOffInsert & { id: string }, rows: AllocationInsert[], alongside: RawBuilder<unknown> | null) {
  await sql`${sql.raw(PREPARE_ANYWAY)} with w as (insert into write_offs (id, tenant_id, number, customer_id, kind, reverses_id, applied_on, total, memo, created_by)
      values (${w.id}, ${w.tenantId}, ${w.number}, ${w.customerId}, ${w.kind}, ${w.reversesId}, ${w.appliedOn}, ${w.total}::numeric, ${w.memo}, ${w.createdBy})
      returning id),
    a as (insert into allocations (tenant_id, write_off_id, receivable_id, source_type, payment_id, credit_note_id, amount, reverses_id, applied_on)
      select * from unnest(${rows.map((r) => r.tenantId)}::uuid[], ${rows.map((r) => r.writeOffId)}::uuid[], ${rows.map((r) => r.receivableId)}::uuid[],
        ${rows.map((r) => r.sourceType)}::text[], ${rows.map((r) => r.paymentId)}::uuid[], ${rows.map((r) => r.creditNoteId)}::uuid[],
        ${rows.map((r) => r.amount)}::numeric[], ${rows.map((r) => r.reversesId)}::uuid[], ${rows.map((r) => r.appliedOn)}::date[]))
    ${alongside ? sql`, alongside as (${alongside}) ` : sql``}select id from w`.execute(tx);
}
