// Contract queries only; the rules live in the services.
import { sql, type RawBuilder, type Selectable } from 'kysely';
import type { DataScope } from '@l2c/shared';
import type { Tx } from '../../platform/db.js';
import type { ContractInstalmentsTable, ContractsTable } from '../../platform/schema.js';

export interface ContractRow {
  id: string; number: string; kind: 'framework' | 'order'; customer_id: string; customer_name: string; customer_grade: string | null;
  framework_id: string | null; framework_number: string | null; title: string; status: string; currency: string;
  prices_include_tax: boolean; amount_excl_tax: string; tax_amount: string; amount_incl_tax: string; max_discount_rate: string;
  /** Payments written off against the contract's receivables (reversals net them out). */
  amount_collected: string;
  payment_term_days: number; delivery_terms: string | null; payment_terms: string | null; period_start: string | null;
  period_end: string | null; product_scope: string | null; rebate_terms: string | null; signed_on: string | null;
  signatories: Array<{ name: string; party: 'customer' | 'company'; title: string | null }>; signed_file_id: string | null;
  credit_override: boolean; status_reason: string | null; owner_id: string | null; owner_name: string | null;
  version: number; created_at: string; updated_at: string;
}

const contractSelect = sql`k.id, k.number, k.kind, k.customer_id, c.name as customer_name, c.grade as customer_grade, k.framework_id,
  f.number as framework_number, k.title, k.status, k.currency, k.prices_include_tax, k.amount_excl_tax, k.tax_amount, k.amount_incl_tax,
  k.max_discount_rate, k.payment_term_days, k.delivery_terms, k.payment_terms, k.period_start, k.period_end, k.product_scope,
  k.rebate_terms, k.signed_on, k.signatories, k.signed_file_id, k.credit_override, k.status_reason, k.owner_id, o.name as owner_name,
  k.version, k.created_at, k.updated_at,
  (select coalesce(sum(a.amount), 0) from allocations a join receivables cr on cr.id = a.receivable_id
    where cr.contract_id = k.id and a.source_type = 'payment')::text as amount_collected`;
const contractFrom = sql`contracts k join customers c on c.id = k.customer_id left join contracts f on f.id = k.framework_id
  left join users o on o.id = k.owner_id`;

/** Data scope: a contract follows its owner, like a customer. */
export function contractScope(userId: string, scope: DataScope): RawBuilder<unknown> {
  if (scope === 'all') return sql`true`;
  return sql`k.owner_id in (select visible_owner_ids(${userId}::uuid, ${scope}))`;
}

/** No data-scope condition: the caller has checked visibility already, or acts for the system. */
export const anyScope: RawBuilder<unknown> = sql`true`;

/** The list's sort keys as expressions (the keyset cursor compares the same expression). */
export const CONTRACT_SORTS = { createdAt: sql`k.created_at`, number: sql`k.number`, amountInclTax: sql`k.amount_incl_tax`, signedOn: sql`coalesce(k.signed_on, '0001-01-01'::date)` } as const;
export type ContractSortKey = keyof typeof CONTRACT_SORTS;

/** The list's filters, each given one a condition (the data scope comes on top). */
export function contractListWhere(query: { status?: string | undefined; kind?: string | undefined; customerId?: string | undefined; ownerId?: string | undefined; q?: string | undefined }): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [];
  if (query.status) where.push(sql`k.status = ${query.status}`);
  if (query.kind) where.push(sql`k.kind = ${query.kind}`);
  if (query.customerId) where.push(sql`k.customer_id = ${query.customerId}`);
  if (query.ownerId) where.push(sql`k.owner_id = ${query.ownerId}`);
  if (query.q) where.push(sql`(k.number ilike ${`%${query.q}%`} or k.title ilike ${`%${query.q}%`} or c.name ilike ${`%${query.q}%`})`);
  return where;
}

export async function findContract(tx: Tx, id: string, scope: RawBuilder<unknown>, forUpdate = false): Promise<ContractRow | undefined> {
  const r = await sql<ContractRow>`select ${contractSelect} from ${contractFrom} where k.id = ${id} and ${scope}
    ${forUpdate ? sql`for update of k` : sql``}`.execute(tx);
  return r.rows[0];
}

export async function listContracts(tx: Tx, where: RawBuilder<unknown>[], order: RawBuilder<unknown>, desc: boolean, after: [unknown, string] | null, limit: number) {
  const conds = [...where];
  if (after) conds.push(desc ? sql`(${order}, k.id) < (${after[0]}, ${after[1]}::uuid)` : sql`(${order}, k.id) > (${after[0]}, ${after[1]}::uuid)`);
  const dir = desc ? sql`desc` : sql`asc`;
  // The sort key as text for the cursor: a timestamp parsed to a JS ISO string loses its microseconds, and the next page
  // would repeat (or skip) rows of the same millisecond.
  return (await sql<ContractRow & { sort_key: unknown }>`select ${contractSelect}, ${order}::text as sort_key from ${contractFrom}
    where ${sql.join(conds, sql` and `)} order by ${order} ${dir}, k.id ${dir} limit ${limit + 1}`.execute(tx)).rows;
}

export type LineRow = Awaited<ReturnType<typeof linesOf>>[number];
export async function linesOf(tx: Tx, contractId: string) {
  return tx.selectFrom('contract_lines')
    .select(['id', 'line_no', 'sku_id', 'product_code', 'description', 'quantity', 'unit', 'unit_price', 'discount_rate', 'tax_rate',
      'amount_excl_tax', 'tax_amount', 'amount_incl_tax'])
    .where('contract_id', '=', contractId).orderBy('line_no').execute();
}

export type InstalmentRow = Awaited<ReturnType<typeof instalmentsOf>>[number];
export async function instalmentsOf(tx: Tx, contractId: string, forUpdate = false) {
  const q = tx.selectFrom('contract_instalments as i').leftJoin('users as u', 'u.id', 'i.owner_id')
    .select((eb) => ['i.id', 'i.seq', 'i.trigger', 'i.due_date', 'i.due_days_after_trigger', 'i.percent', 'i.amount', 'i.tax_amount',
      'i.method', 'i.owner_id', 'u.name as owner_name', 'i.milestone', 'i.triggered_on',
      eb.selectFrom('receivables as r').select('r.id').whereRef('r.instalment_id', '=', 'i.id').where('r.kind', '=', 'invoice')
        .orderBy('r.created_at').limit(1).as('receivable_id')])
    .where('i.contract_id', '=', contractId).orderBy('i.seq');
  return (forUpdate ? q.forUpdate('i') : q).execute();
}

export interface ContractWrite {
  kind: Selectable<ContractsTable>['kind']; customerId: string; frameworkId: string | null; title: string; currency: string; pricesIncludeTax: boolean;
  amountExclTax: string; taxAmount: string; amountInclTax: string; maxDiscountRate: string; paymentTermDays: number;
  deliveryTerms: string | null; paymentTerms: string | null; periodStart: string | null; periodEnd: string | null;
  productScope: string | null; rebateTerms: string | null; ownerId: string;
}

/** The columns a contract's form writes (kind only on insert: a contract does not change kind). */
function formColumns(w: ContractWrite) {
  return {
    customer_id: w.customerId, framework_id: w.frameworkId, title: w.title, currency: w.currency, prices_include_tax: w.pricesIncludeTax,
    amount_excl_tax: w.amountExclTax, tax_amount: w.taxAmount, amount_incl_tax: w.amountInclTax, max_discount_rate: w.maxDiscountRate,
    payment_term_days: w.paymentTermDays, delivery_terms: w.deliveryTerms, payment_terms: w.paymentTerms, period_start: w.periodStart,
    period_end: w.periodEnd, product_scope: w.productScope, rebate_terms: w.rebateTerms, owner_id: w.ownerId,
  };
}

export async function insertContract(tx: Tx, tenantId: string, number: string, createdBy: string, w: ContractWrite): Promise<string> {
  const r = await tx.insertInto('contracts').values({ tenant_id: tenantId, number, kind: w.kind, ...formColumns(w), created_by: createdBy })
    .returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateContract(tx: Tx, id: string, w: ContractWrite) {
  await tx.updateTable('contracts').set((eb) => ({ ...formColumns(w), version: eb('version', '+', 1), updated_at: sql`now()` }))
    .where('id', '=', id).execute();
}

export interface LineWrite {
  lineNo: number; skuId: string | null; productCode: string | null; description: string; quantity: string; unit: string | null; unitPrice: string;
  discountRate: string; taxRate: string; amountExclTax: string; taxAmount: string; amountInclTax: string;
}
export async function replaceLines(tx: Tx, tenantId: string, contractId: string, lines: LineWrite[]) {
  await tx.deleteFrom('contract_lines').where('contract_id', '=', contractId).execute();
  for (const l of lines) {
    await tx.insertInto('contract_lines').values({
      tenant_id: tenantId, contract_id: contractId, line_no: l.lineNo, sku_id: l.skuId, product_code: l.productCode, description: l.description,
      quantity: l.quantity, unit: l.unit, unit_price: l.unitPrice, discount_rate: l.discountRate, tax_rate: l.taxRate,
      amount_excl_tax: l.amountExclTax, tax_amount: l.taxAmount, amount_incl_tax: l.amountInclTax,
    }).execute();
  }
}

export interface InstalmentWrite {
  seq: number; trigger: ContractInstalmentsTable['trigger']; dueDate: string | null; dueDaysAfterTrigger: number; percent: string | null; amount: string;
  taxAmount: string; method: string | null; ownerId: string | null; milestone: string | null;
}
/** Replace the instalments not yet triggered; triggered or invoiced ones (`keep`) stay as they are. */
export async function replaceInstalments(tx: Tx, tenantId: string, contractId: string, items: InstalmentWrite[], keep: string[] = []) {
  await sql`delete from contract_instalments where contract_id = ${contractId} and not (id = any(${keep}::uuid[]))`.execute(tx);
  for (const i of items) {
    await tx.insertInto('contract_instalments').values({
      tenant_id: tenantId, contract_id: contractId, seq: i.seq, trigger: i.trigger, due_date: i.dueDate, due_days_after_trigger: i.dueDaysAfterTrigger,
      percent: i.percent, amount: i.amount, tax_amount: i.taxAmount, method: i.method, owner_id: i.ownerId, milestone: i.milestone,
    }).execute();
  }
}

export async function setStatus(tx: Tx, id: string, status: ContractStatus, extra: { reason?: string | null; creditOverride?: boolean } = {}) {
  await tx.updateTable('contracts').set((eb) => ({
    status, status_reason: extra.reason ?? null, credit_override: extra.creditOverride ?? eb.ref('credit_override'),
    version: eb('version', '+', 1), updated_at: sql`now()`,
  })).where('id', '=', id).execute();
}

type ContractStatus = Selectable<ContractsTable>['status'];

export async function setTotals(tx: Tx, id: string, t: { amountExclTax: string; taxAmount: string; amountInclTax: string; maxDiscountRate: string }) {
  await tx.updateTable('contracts')
    .set({ amount_excl_tax: t.amountExclTax, tax_amount: t.taxAmount, amount_incl_tax: t.amountInclTax, max_discount_rate: t.maxDiscountRate })
    .where('id', '=', id).execute();
}

export async function customerFor(tx: Tx, id: string, userId: string, scope: DataScope) {
  const visible = scope === 'all' ? sql`true` : sql`(c.owner_id is null or c.owner_id in (select visible_owner_ids(${userId}::uuid, ${scope})))`;
  const r = await sql<{ id: string; name: string; grade: string | null; owner_id: string | null }>`select c.id, c.name, c.grade, c.owner_id
    from customers c where c.id = ${id} and ${visible}`.execute(tx);
  return r.rows[0];
}

/** A framework agreement an order may reference: only one in the caller's scope (contractScope), else undefined. */
export async function frameworkFor(tx: Tx, id: string, scope: RawBuilder<unknown>) {
  const r = await sql<{ id: string; kind: string; customer_id: string; status: string }>`select k.id, k.kind, k.customer_id, k.status
    from contracts k where k.id = ${id} and ${scope}`.execute(tx);
  return r.rows[0];
}

export async function usersActive(tx: Tx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const r = await tx.selectFrom('users').select('id').where('id', 'in', ids).where('active', '=', true).execute();
  return new Set(r.map((x) => x.id));
}

export async function userInScope(tx: Tx, target: string, userId: string, scope: DataScope): Promise<boolean> {
  const r = await sql`select 1 from users u where u.id = ${target} and u.active and u.id in (select visible_owner_ids(${userId}::uuid, ${scope}))`.execute(tx);
  return r.rows.length > 0;
}
