// Write-off queries only: the reads the engine needs (the headers and allocation edges it records are receivables'
// settlement facts, written by receivables' recordWriteOff / recordAllocations).
import { sql, type RawBuilder } from 'kysely';
import type { DataScope } from '@l2c/shared';
import type { Tx } from '../../platform/db.js';

/**
 * Data scope of a write-off: its customer's owner, or the owner of a receivable it allocates to, is someone the caller
 * may see — the receivables' rule (receivables.sql.ts receivableScope) applied to what the write-off touched, so whoever
 * sees a receivable sees how it was paid. Semi-joins over `w` alone with the owner list as an initplan, like that rule.
 */
export function writeOffScope(userId: string, scope: DataScope): RawBuilder<unknown> {
  if (scope === 'all') return sql`true`;
  const owners = sql`array(select visible_owner_ids(${userId}::uuid, ${scope}))`;
  return sql`(w.customer_id in (select sc.id from customers sc where sc.owner_id = any(${owners}))
    or exists (select 1 from allocations sa join receivables sr on sr.id = sa.receivable_id where sa.write_off_id = w.id and sr.owner_id = any(${owners})))`;
}

export interface WriteOffRow { id: string; number: string; customer_id: string; kind: 'apply' | 'reverse' | 'bad_debt'; reverses_id: string | null; reversed_by_id: string | null; applied_on: string; total: string; memo: string | null; created_by: string | null; created_by_name: string | null; created_at: string }

/** Is this a customer whose money the caller may book: its owner is someone the caller may see? */
export async function customerInScope(tx: Tx, customerId: string, userId: string, scope: DataScope): Promise<boolean> {
  const r = await sql`select 1 from customers c where c.id = ${customerId}
    and c.owner_id = any(array(select visible_owner_ids(${userId}::uuid, ${scope})))`.execute(tx);
  return r.rows.length > 0;
}

/** One write-off; with `scope` (writeOffScope), only if the caller may see it. */
/** No data-scope condition: the caller has checked visibility already, or acts for the system. */
export const anyScope: RawBuilder<unknown> = sql`true`;

export async function findWriteOff(tx: Tx, id: string, scope: RawBuilder<unknown> = sql`true`): Promise<WriteOffRow | undefined> {
  const r = await sql<WriteOffRow>`select w.id, w.number, w.customer_id, w.kind, w.reverses_id, rv.id as reversed_by_id, w.applied_on, w.total, w.memo,
      w.created_by, u.name as created_by_name, w.created_at
    from write_offs w left join write_offs rv on rv.reverses_id = w.id left join users u on u.id = w.created_by
    where w.id = ${id} and ${scope}`.execute(tx);
  return r.rows[0];
}

export interface AllocationRow { id: string; receivable_id: string; receivable_number: string; source_type: string; payment_id: string | null; payment_number: string | null; credit_note_id: string | null; credit_note_number: string | null; amount: string; currency: string; applied_on: string; reverses_id: string | null }

export async function allocationsOf(tx: Tx, writeOffIds: string[]): Promise<Array<AllocationRow & { write_off_id: string }>> {
  const r = await sql<AllocationRow & { write_off_id: string }>`select a.id, a.write_off_id, a.receivable_id, r.number as receivable_number, a.source_type, a.payment_id,
      p.number as payment_number, a.credit_note_id, cn.number as credit_note_number, a.amount, r.currency, a.applied_on, a.reverses_id
    from allocations a join receivables r on r.id = a.receivable_id left join payments p on p.id = a.payment_id
      left join receivables cn on cn.id = a.credit_note_id
    where a.write_off_id = any(${writeOffIds}::uuid[]) order by a.write_off_id, r.number, a.id`.execute(tx);
  return r.rows;
}

export async function listWriteOffs(tx: Tx, filter: { customerId?: string | undefined; paymentId?: string | undefined; receivableId?: string | undefined }, limit: number, before: [string, string] | null, scope: RawBuilder<unknown>) {
  const r = await sql<WriteOffRow>`select w.id, w.number, w.customer_id, w.kind, w.reverses_id, rv.id as reversed_by_id, w.applied_on, w.total, w.memo,
      w.created_by, u.name as created_by_name, w.created_at
    from write_offs w left join write_offs rv on rv.reverses_id = w.id left join users u on u.id = w.created_by
    where ${scope} and (${filter.customerId ?? null}::uuid is null or w.customer_id = ${filter.customerId ?? null}::uuid)
      and (${filter.paymentId ?? null}::uuid is null or exists (select 1 from allocations a where a.write_off_id = w.id and a.payment_id = ${filter.paymentId ?? null}::uuid))
      and (${filter.receivableId ?? null}::uuid is null or exists (select 1 from allocations a where a.write_off_id = w.id and a.receivable_id = ${filter.receivableId ?? null}::uuid))
      and (${before?.[0] ?? null}::timestamptz is null or (w.created_at, w.id) < (${before?.[0] ?? null}::timestamptz, ${before?.[1] ?? null}::uuid))
    order by w.created_at desc, w.id desc limit ${limit + 1}`.execute(tx);
  return r.rows;
}

/** Open invoices of a customer in the order a strategy wants them written off. */
export interface OpenInvoiceRow {
  id: string; number: string; due_date: string; amount_open: string; contract_number: string | null;
  // the columns lockReceivables returns, so a locked proposal can stand in for it
  customer_id: string; kind: string; currency: string; amount: string; bad_debt_amount: string;
}

/**
 * The customer's open invoices in the strategy's order (at most 1,000). With `lockUpTo`, only as many as that amount
 * reaches (a running sum in the same order), locked FOR UPDATE: the automatic write-off of a payment then needs no
 * second read of its receivables. The rows are locked in id order, like every lock on receivables
 * (docs/adr/0004-lock-order.md), and returned in the strategy's order.
 */
export async function openInvoicesInOrder(tx: Tx, customerId: string, currency: string, strategy: string, preferContractId: string | null, lockUpTo: string | null = null, scope: RawBuilder<unknown> = sql`true`): Promise<OpenInvoiceRow[]> {
  const order = strategy === 'instalment'
    ? sql`r.contract_id is null, k.number, i.seq nulls last, r.due_date, r.number`
    : strategy === 'contract'
      ? sql`(r.contract_id is distinct from ${preferContractId}::uuid), r.due_date, r.business_date, r.number`
      : sql`r.due_date, r.business_date, r.number`;
  const from = sql`receivables r left join contracts k on k.id = r.contract_id left join contract_instalments i on i.id = r.instalment_id`;
  // `scope`: the receivables' data-scope rule over r, so a proposal lists only invoices the caller may see
  const open = sql`r.customer_id = ${customerId} and r.kind = 'invoice' and r.amount_open > 0 and r.currency = ${currency} and ${scope}`;
  const columns = sql`r.id, r.number, r.due_date, r.amount_open, k.number as contract_number, r.customer_id, r.kind, r.currency, r.amount, r.bad_debt_amount`;
  if (lockUpTo === null) {
    return (await sql<OpenInvoiceRow>`select ${columns} from ${from} where ${open} order by ${order} limit 1000`.execute(tx)).rows;
  }
  // FOR UPDATE cannot sit beside a window function: rank and cut in a CTE, lock in the outer query. The ranking joins
  // the contract and its instalment only for the order that reads them; the outer query only for the contract's number.
  const ranked = strategy === 'instalment' ? from : sql`receivables r`;
  const locked = (await sql<OpenInvoiceRow & { n: number }>`with ranked as (
      select r.id, sum(r.amount_open) over (order by ${order}, r.id) - r.amount_open as before_this, row_number() over (order by ${order}, r.id) as n
      from ${ranked} where ${open})
    select ${columns}, x.n from receivables r left join contracts k on k.id = r.contract_id join ranked x on x.id = r.id
    where x.before_this < ${lockUpTo}::numeric and x.n <= 1000
    order by r.id for update of r`.execute(tx)).rows;
  return locked.sort((a, b) => a.n - b.n);
}

/** A contract number (HT-2026-000123) mentioned in the payment's remark or bank reference. */
export async function contractMentionedBy(tx: Tx, customerId: string, text: string): Promise<string | null> {
  const m = text.match(/HT-\d{4}-\d{6}/i);
  if (!m) return null;
  const r = await sql<{ id: string }>`select id from contracts where customer_id = ${customerId} and number = ${m[0].toUpperCase()}`.execute(tx);
  return r.rows[0]?.id ?? null;
}

// The two money invariants of a customer: receivables − applied − open (must be 0) — Σ(amount − open) over the invoices
// is what they say was applied, Σ allocations what was applied — and the prepaid ledger − confirmed unapplied money
// (must be 0).
const receivablesGap = (customerId: string) => sql<string>`(
    coalesce((select sum(amount - amount_open) from receivables where customer_id = ${customerId} and kind = 'invoice'), 0)
    - coalesce((select sum(a.amount) from allocations a join receivables r on r.id = a.receivable_id where r.customer_id = ${customerId}), 0))::text`;
const prepaidGap = (customerId: string) => sql<string>`(
    coalesce((select sum(amount) from account_entries where customer_id = ${customerId} and account = 'prepaid'), 0)
    - coalesce((select sum(amount_unapplied) from payments where customer_id = ${customerId} and status = 'confirmed'), 0))::text`;

/** Both money invariants of a customer in one read (tests, the soak bench). */
export async function invariantGaps(tx: Tx, customerId: string): Promise<{ receivables: string; prepaid: string }> {
  const r = await sql<{ receivables: string; prepaid: string }>`select ${receivablesGap(customerId)} as receivables, ${prepaidGap(customerId)} as prepaid`.execute(tx);
  return r.rows[0]!;
}

/** Both as one value, 'receivables prepaid' — an expression for the transaction's last statement (checkAtEnd). */
export function invariantGapsValue(customerId: string): RawBuilder<string> {
  return sql<string>`${receivablesGap(customerId)} || ' ' || ${prepaidGap(customerId)}`;
}
