// Statements over what invoices invoice: the sources (receivables, contracts — read-only, declared in their owners'
// tables.ts), the customer as buyer, and the invoice positions, the rows a request locks before it checks that nothing
// is invoiced beyond a source's amount.
import { sql, type RawBuilder } from 'kysely';
import type { DataScope } from '@l2c/shared';
import type { Tx } from '../../platform/db.js';

function owners(userId: string, scope: DataScope) {
  return sql`array(select visible_owner_ids(${userId}::uuid, ${scope}))`;
}

/** Money's rule: the record's owner or its customer's owner is someone the caller may see. `alias` has customer_id. */
export function ownerScope(alias: string, ownerColumn: string, userId: string, scope: DataScope): RawBuilder<unknown> {
  if (scope === 'all') return sql`true`;
  const o = owners(userId, scope);
  return sql`(${sql.ref(`${alias}.${ownerColumn}`)} = any(${o}) or ${sql.ref(`${alias}.customer_id`)} in (select sc.id from customers sc where sc.owner_id = any(${o})))`;
}

export interface SourceRow {
  id: string; number: string; customer_id: string; currency: string; amount: string; contract_id: string | null;
  invoiceable: boolean; contract_amount: string | null; contract_currency: string | null;
}

/** A receivable as a source, in scope: invoiceable when it is an invoice (not a credit note). */
export async function receivableSource(tx: Tx, id: string, scope: RawBuilder<unknown>): Promise<SourceRow | undefined> {
  const r = await sql<SourceRow>`select r.id, r.number, r.customer_id, r.currency, r.amount::text as amount, r.contract_id,
      r.kind = 'invoice' as invoiceable, k.amount_incl_tax::text as contract_amount, k.currency as contract_currency
    from receivables r left join contracts k on k.id = r.contract_id where r.id = ${id} and ${scope}`.execute(tx);
  return r.rows[0];
}

/** A contract as a source, in scope: invoiceable once signed. */
export async function contractSource(tx: Tx, id: string, scope: RawBuilder<unknown>): Promise<SourceRow | undefined> {
  const r = await sql<SourceRow>`select k.id, k.number, k.customer_id, k.currency, k.amount_incl_tax::text as amount, k.id as contract_id,
      k.status in ('signed', 'in_performance', 'completed') as invoiceable, k.amount_incl_tax::text as contract_amount, k.currency as contract_currency
    from contracts k where k.id = ${id} and ${scope}`.execute(tx);
  return r.rows[0];
}

export async function customerAsBuyer(tx: Tx, id: string) {
  return tx.selectFrom('customers').select(['id', 'name', 'credit_code', 'address', 'phone']).where('id', '=', id).executeTakeFirst();
}

export interface PositionKey { sourceType: 'receivable' | 'contract' | 'order'; sourceId: string; currency: string; ceiling: string }

/** Make sure each source has its position row (a concurrent creator's row wins; nothing is overwritten). */
export async function ensurePositions(tx: Tx, tenantId: string, keys: PositionKey[]): Promise<void> {
  if (keys.length === 0) return;
  await tx.insertInto('invoice_positions')
    .values(keys.map((k) => ({ tenant_id: tenantId, source_type: k.sourceType, source_id: k.sourceId, currency: k.currency, ceiling: k.ceiling })))
    .onConflict((oc) => oc.columns(['tenant_id', 'source_type', 'source_id']).doNothing())
    .execute();
}

export interface PositionRow { id: string; source_type: string; source_id: string; currency: string; ceiling: string; requested: string; invoiced: string }

/** The positions of these sources, locked in id order (one statement): the over-invoicing check reads them under the lock. */
export async function lockPositions(tx: Tx, keys: Array<{ sourceType: string; sourceId: string }>): Promise<PositionRow[]> {
  if (keys.length === 0) return [];
  const r = await sql<PositionRow>`select id, source_type, source_id, currency, ceiling::text as ceiling, requested::text as requested, invoiced::text as invoiced
    from invoice_positions where (source_type, source_id) in (${sql.join(keys.map((k) => sql`(${k.sourceType}, ${k.sourceId}::uuid)`))})
    order by id for update`.execute(tx);
  return r.rows;
}

/** Move amounts between "requested" and "invoiced" of one position (the caller holds its lock and checked the ceiling). */
export async function shiftPosition(tx: Tx, id: string, d: { requested: string; invoiced: string }): Promise<void> {
  await sql`update invoice_positions set requested = requested + ${d.requested}::numeric, invoiced = invoiced + ${d.invoiced}::numeric,
    updated_at = now() where id = ${id}`.execute(tx);
}

export interface FiguresRow { currency: string; amount: string; requested: string; invoiced: string; paid: string }

/** Invoiced / requested / paid of one receivable in scope. */
export async function receivableFigures(tx: Tx, id: string, scope: RawBuilder<unknown>): Promise<FiguresRow | undefined> {
  const r = await sql<FiguresRow>`select r.currency, r.amount::text as amount,
      coalesce(p.requested, 0)::text as requested, coalesce(p.invoiced, 0)::text as invoiced,
      coalesce((select sum(a.amount) from allocations a where a.receivable_id = r.id and a.source_type = 'payment'), 0)::text as paid
    from receivables r left join invoice_positions p on p.source_type = 'receivable' and p.source_id = r.id
    where r.id = ${id} and ${scope}`.execute(tx);
  return r.rows[0];
}

/** Invoiced / requested / paid of one contract in scope: paid is what payments settled on its receivables. */
export async function contractFigures(tx: Tx, id: string, scope: RawBuilder<unknown>): Promise<FiguresRow | undefined> {
  const r = await sql<FiguresRow>`select k.currency, k.amount_incl_tax::text as amount,
      coalesce(p.requested, 0)::text as requested, coalesce(p.invoiced, 0)::text as invoiced,
      coalesce((select sum(a.amount) from receivables r join allocations a on a.receivable_id = r.id
        where r.contract_id = k.id and a.source_type = 'payment'), 0)::text as paid
    from contracts k left join invoice_positions p on p.source_type = 'contract' and p.source_id = k.id
    where k.id = ${id} and ${scope}`.execute(tx);
  return r.rows[0];
}

/** A credit note and the receivable it corrects, for linking a red-letter confirmation to it. */
export async function creditNoteOf(tx: Tx, id: string) {
  return tx.selectFrom('receivables').select(['id', 'number', 'kind', 'original_id', 'customer_id']).where('id', '=', id).executeTakeFirst();
}
