// Receivable queries only. amount_open is a projection of the facts; refreshOpen recomputes it from allocations.
import { sql, type RawBuilder, type Selectable } from 'kysely';
import type { DataScope } from '@l2c/shared';
import type { Tx } from '../../platform/db.js';
import type { ReceivablesTable } from '../../platform/schema.js';

export interface ReceivableRow {
  id: string; number: string; kind: 'invoice' | 'credit_note'; customer_id: string; customer_name: string;
  contract_id: string | null; contract_number: string | null; instalment_id: string | null; original_id: string | null;
  source: string; currency: string; amount: string; tax_amount: string; amount_open: string; bad_debt_amount: string;
  business_date: string; due_date: string; owner_id: string | null; owner_name: string | null; reason: string | null; created_at: string;
}

export const receivableSelect = sql`r.id, r.number, r.kind, r.customer_id, c.name as customer_name, r.contract_id, k.number as contract_number,
  r.instalment_id, r.original_id, r.source, r.currency, r.amount, r.tax_amount, r.amount_open, r.bad_debt_amount,
  r.business_date, r.due_date, r.owner_id, u.name as owner_name, r.reason, r.created_at`;
export const receivableFrom = sql`receivables r join customers c on c.id = r.customer_id
  left join contracts k on k.id = r.contract_id left join users u on u.id = r.owner_id`;

/**
 * Data scope of money owed: the receivable's owner or its customer's owner is someone the caller may see. The one
 * statement of the rule — lists, reads and the aging report all use it. Written over `r` alone (two semi-joins), so a
 * report needs no join to customers and the aggregate can stay an index-only scan of the open invoices; `= any(array(…))`
 * tells the planner the owner list is short (an initplan computed once), where `in (select visible_owner_ids(…))` is
 * costed as a thousand-row set and scans every customer.
 */
export function receivableScope(userId: string, scope: DataScope): RawBuilder<unknown> {
  if (scope === 'all') return sql`true`;
  const owners = sql`array(select visible_owner_ids(${userId}::uuid, ${scope}))`;
  return sql`(r.owner_id = any(${owners}) or r.customer_id in (select sc.id from customers sc where sc.owner_id = any(${owners})))`;
}

export async function findReceivable(tx: Tx, id: string, scope: RawBuilder<unknown>): Promise<ReceivableRow | undefined> {
  const r = await sql<ReceivableRow>`select ${receivableSelect} from ${receivableFrom} where r.id = ${id} and ${scope}`.execute(tx);
  return r.rows[0];
}

/** The list's sort keys as expressions (the keyset cursor compares the same expression). */
export const RECEIVABLE_SORTS = { dueDate: sql`r.due_date`, amountOpen: sql`r.amount_open`, number: sql`r.number` } as const;
export type ReceivableSortKey = keyof typeof RECEIVABLE_SORTS;

export interface ReceivableListWhere {
  customerId?: string | undefined; contractId?: string | undefined; ownerId?: string | undefined; kind?: string | undefined;
  dueFrom?: string | undefined; dueTo?: string | undefined; q?: string | undefined; overdue?: 'true' | 'false' | undefined;
  status?: Array<'open' | 'partially_paid' | 'paid' | 'bad_debt'> | undefined;
}

/** The list's filters, each given one a condition (the data scope comes on top); overdue is as of `today`. */
export function receivableListWhere(query: ReceivableListWhere, today: string): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [];
  if (query.customerId) where.push(sql`r.customer_id = ${query.customerId}`);
  if (query.contractId) where.push(sql`r.contract_id = ${query.contractId}`);
  if (query.ownerId) where.push(sql`r.owner_id = ${query.ownerId}`);
  if (query.kind) where.push(sql`r.kind = ${query.kind}`);
  if (query.dueFrom) where.push(sql`r.due_date >= ${query.dueFrom}`);
  if (query.dueTo) where.push(sql`r.due_date <= ${query.dueTo}`);
  if (query.q) where.push(sql`(r.number ilike ${`%${query.q}%`} or c.name ilike ${`%${query.q}%`})`);
  if (query.overdue === 'true') where.push(sql`r.amount_open > 0 and r.kind = 'invoice' and r.due_date < ${today}`);
  if (query.overdue === 'false') where.push(sql`not (r.amount_open > 0 and r.kind = 'invoice' and r.due_date < ${today})`);
  const statusWhere = {
    open: sql`r.amount_open = abs(r.amount)`,
    partially_paid: sql`r.amount_open > 0 and r.amount_open < abs(r.amount)`,
    paid: sql`r.amount_open = 0 and r.bad_debt_amount = 0`,
    bad_debt: sql`r.amount_open = 0 and r.bad_debt_amount > 0`,
  } as const;
  if (query.status?.length) where.push(sql`(${sql.join(query.status.map((st) => statusWhere[st]), sql` or `)})`);
  return where;
}

export async function listReceivables(tx: Tx, where: RawBuilder<unknown>[], order: RawBuilder<unknown>, desc: boolean, after: [unknown, string] | null, limit: number) {
  const conds = [...where];
  if (after) conds.push(desc ? sql`(${order}, r.id) < (${after[0]}, ${after[1]}::uuid)` : sql`(${order}, r.id) > (${after[0]}, ${after[1]}::uuid)`);
  const dir = desc ? sql`desc` : sql`asc`;
  const r = await sql<ReceivableRow & { sort_key: unknown }>`select ${receivableSelect}, ${order} as sort_key from ${receivableFrom}
    where ${sql.join(conds, sql` and `)} order by ${order} ${dir}, r.id ${dir} limit ${limit + 1}`.execute(tx);
  return r.rows;
}

/** The list's totals for the same filter, per currency: exact numeric sums (credit notes count negative). */
export async function receivableTotals(tx: Tx, where: RawBuilder<unknown>[], today: string) {
  const r = await sql<{ currency: string; count: number; amount: string; open: string; overdue: string }>`
    select r.currency, count(*)::int as count, sum(r.amount)::text as amount,
      coalesce(sum(case when r.kind = 'invoice' then r.amount_open else -r.amount_open end), 0)::text as open,
      coalesce(sum(r.amount_open) filter (where r.kind = 'invoice' and r.due_date < ${today}::date), 0)::text as overdue
    from ${receivableFrom} where ${sql.join(where, sql` and `)} group by r.currency order by r.currency`.execute(tx);
  return r.rows;
}

export interface ReceivableInsert {
  tenantId: string; number: string; customerId: string; contractId: string | null; instalmentId: string | null;
  kind: 'invoice' | 'credit_note'; originalId: string | null; source: Selectable<ReceivablesTable>['source']; sourceKey: string | null; currency: string;
  amount: string; taxAmount: string; businessDate: string; dueDate: string; ownerId: string | null; reason: string | null; createdBy: string | null;
}

/** Insert; with a source key, a second insert of the same trigger returns null instead of booking twice. */
export async function insertReceivable(tx: Tx, x: ReceivableInsert): Promise<string | null> {
  const r = await tx.insertInto('receivables').values({
    tenant_id: x.tenantId, number: x.number, customer_id: x.customerId, contract_id: x.contractId, instalment_id: x.instalmentId, kind: x.kind,
    original_id: x.originalId, source: x.source, source_key: x.sourceKey, currency: x.currency, amount: x.amount, tax_amount: x.taxAmount,
    business_date: x.businessDate, due_date: x.dueDate, owner_id: x.ownerId, reason: x.reason, amount_open: sql<string>`abs(${x.amount}::numeric)`,
    created_by: x.createdBy,
  }).onConflict((oc) => oc.columns(['tenant_id', 'source_key']).where('source_key', 'is not', null).doNothing())
    .returning('id').executeTakeFirst();
  return r?.id ?? null;
}

export async function findBySourceKey(tx: Tx, sourceKey: string): Promise<string | null> {
  const r = await tx.selectFrom('receivables').select('id').where('source_key', '=', sourceKey).executeTakeFirst();
  return r?.id ?? null;
}

/** Lock receivables in id order (one order everywhere, so concurrent write-offs never deadlock). */
export async function lockReceivables(tx: Tx, ids: string[]) {
  if (ids.length === 0) return [];
  const r = await sql<{ id: string; customer_id: string; kind: string; currency: string; amount: string; amount_open: string; bad_debt_amount: string; number: string; due_date: string }>`
    select id, customer_id, kind, currency, amount, amount_open, bad_debt_amount, number, due_date from receivables
    where id = any(${[...ids].sort()}::uuid[]) order by id for update`.execute(tx);
  return r.rows;
}

/**
 * Recompute the projections from the facts: open = |amount| − what was allocated against it (as an invoice) or from
 * it (as a credit note); bad debt = net bad-debt allocations. Reversals are negative rows, so they restore.
 */
export interface RefreshedReceivable { id: string; kind: string; amount: string; amount_open: string; bad_debt_amount: string }

/**
 * Recompute open and bad-debt amounts from the allocations, for the receivables a write-off (or its reversal) settled:
 * those its allocations name as target or as credit-note source. Returns the rows as they are now.
 *
 * Found through the write-off's id rather than an id array: with one scalar parameter the prepared statement's generic
 * plan costs what a custom one does, so it is planned once per session; with `= any($1::uuid[])` every execution
 * was planned again (a generic plan assumes ten elements, a custom one sees three, so custom always won), and
 * planning was half of the statement's 1.4 ms on the embedded database (docs/benchmarks.md, "Payments on PGlite").
 * One look at the write-off's allocations gives both targets and credit notes (a second one, for the credit notes,
 * went through the credit-note index over every credit-note allocation of the tenant), and one aggregate over a
 * receivable's allocations both its open and its bad-debt amount (0.98 → 0.91 ms of CPU with the payments' rider,
 * PGlite; docs/benchmarks.md, "session 7, helper Q").
 */
export async function refreshOpen(tx: Tx, writeOffId: string, alongside: RawBuilder<unknown> | null = null): Promise<RefreshedReceivable[]> {
  // `alongside`: another data-modifying statement to run in the same round trip (as a WITH clause)
  const r = await sql<RefreshedReceivable>`${alongside ? sql`with alongside as (${alongside}) ` : sql``}update receivables r set
      (amount_open, bad_debt_amount) = (select
          abs(r.amount) - case when r.kind = 'invoice' then coalesce(sum(a.amount), 0) else 0 end
            - case when r.kind = 'credit_note' then coalesce((select sum(c.amount) from allocations c where c.credit_note_id = r.id), 0) else 0 end,
          coalesce(sum(a.amount) filter (where a.source_type = 'bad_debt'), 0)
        from allocations a where a.receivable_id = r.id)
    where r.id in (select x.id from allocations s cross join lateral (values (s.receivable_id), (s.credit_note_id)) as x(id) where s.write_off_id = ${writeOffId}::uuid)
    returning r.id, r.kind, r.amount, r.amount_open, r.bad_debt_amount`.execute(tx);
  return r.rows;
}

/** Is the contract one of this customer's (and so of this tenant's)? */
export async function contractOfCustomer(tx: Tx, contractId: string, customerId: string): Promise<boolean> {
  return (await tx.selectFrom('contracts').select('id').where('id', '=', contractId).where('customer_id', '=', customerId).executeTakeFirst()) !== undefined;
}

export async function customerExists(tx: Tx, customerId: string) {
  return tx.selectFrom('customers').select(['id', 'owner_id']).where('id', '=', customerId).executeTakeFirst();
}

