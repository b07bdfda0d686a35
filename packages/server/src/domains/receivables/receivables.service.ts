// Receivables 应收: created by triggers (contract signed, plan date, delivery, milestone …) or by hand with a reason;
// credit notes 红冲 as negative receivables linked to the original. Amounts never change after booking; what is
// open is derived from allocations.
import { daysBetween, dec, roundMoney, type Receivable } from '@l2c/shared';
import { inTenant, type Actor, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { emitEvent } from '../../platform/outbox.js';
import { nextDocNumber } from '../../platform/sequences.js';
import { todayFor } from '../../platform/clock.js';
import { decodeCursor, encodeCursor } from '../../platform/cursor.js';
import { receivableError } from './receivables.errors.js';
import * as q from './receivables.sql.js';

export function receivableStatus(kind: string, amount: string, open: string, badDebt: string): Receivable['status'] {
  const o = dec(open);
  if (kind === 'credit_note') return o.isZero() ? 'applied' : 'open';
  if (o.isZero()) return dec(badDebt).gt(0) ? 'bad_debt' : 'paid';
  return o.eq(dec(amount).abs()) ? 'open' : 'partially_paid';
}

/** A receivable as the API shows it; `today` (the tenant's, todayFor) is what its days overdue count to. */
export function toReceivable(r: q.ReceivableRow, today: string): Receivable {
  const applied = dec(r.amount).abs().minus(dec(r.amount_open));
  const overdue = dec(r.amount_open).gt(0) && r.kind === 'invoice' && r.due_date < today ? daysBetween(r.due_date, today) : 0;
  return {
    id: r.id, number: r.number, kind: r.kind, customer: { id: r.customer_id, name: r.customer_name },
    contract: r.contract_id ? { id: r.contract_id, number: r.contract_number ?? '' } : null,
    instalmentId: r.instalment_id, originalId: r.original_id, source: r.source, currency: r.currency,
    amount: roundMoney(r.amount, r.currency), taxAmount: roundMoney(r.tax_amount, r.currency), amountOpen: roundMoney(r.amount_open, r.currency),
    amountApplied: roundMoney(applied, r.currency), badDebtAmount: roundMoney(r.bad_debt_amount, r.currency),
    status: receivableStatus(r.kind, r.amount, r.amount_open, r.bad_debt_amount),
    businessDate: r.business_date, dueDate: r.due_date, daysOverdue: overdue,
    owner: r.owner_id ? { id: r.owner_id, name: r.owner_name ?? '' } : null, reason: r.reason, createdAt: r.created_at,
  };
}

export function scopeOf(auth: AuthContext) {
  return q.receivableScope(auth.userId, auth.scope);
}

export async function loadReceivable(tx: Tx, auth: AuthContext, id: string): Promise<q.ReceivableRow> {
  const row = await q.findReceivable(tx, id, scopeOf(auth));
  if (!row) throw receivableError('not_found');
  return row;
}

export async function getReceivable(db: Db, auth: AuthContext, id: string) {
  return inTenant(db, auth, async (tx) => toReceivable(await loadReceivable(tx, auth, id), todayFor(auth)));
}

const SORT_KIND: Record<q.ReceivableSortKey, 'date' | 'decimal' | 'text'> = { dueDate: 'date', amountOpen: 'decimal', number: 'text' } as const;

export async function listReceivables(db: Db, auth: AuthContext, query: import('zod').infer<typeof import('@l2c/shared').ReceivableListQuery>) {
  const today = todayFor(auth);
  const where = [scopeOf(auth), ...q.receivableListWhere(query, today)];
  const desc = query.sort.startsWith('-');
  const order = q.RECEIVABLE_SORTS[query.sort.replace(/^-/, '') as q.ReceivableSortKey];
  const after = decodeCursor(query.cursor, [SORT_KIND[query.sort.replace(/^-/, '') as q.ReceivableSortKey], 'uuid']) as [unknown, string] | null;
  const rows = await inTenant(db, auth, (tx) => q.listReceivables(tx, where, order, desc, after, query.limit));
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return { items: page.map((r) => toReceivable(r, today)), nextCursor: rows.length > query.limit && last ? encodeCursor([last.sort_key, last.id]) : null };
}

/** Totals of the list's current filter (the whole filter, not one page): count, amount, open and overdue per currency. */
export async function receivableTotals(db: Db, auth: AuthContext, query: import('zod').infer<typeof import('@l2c/shared').ReceivableTotalsQuery>) {
  const today = todayFor(auth);
  const where = [scopeOf(auth), ...q.receivableListWhere(query, today)];
  const rows = await inTenant(db, auth, (tx) => q.receivableTotals(tx, where, today));
  return {
    today,
    totals: rows.map((r) => ({ currency: r.currency, count: r.count, amount: roundMoney(r.amount, r.currency), open: roundMoney(r.open, r.currency), overdue: roundMoney(r.overdue, r.currency) })),
  };
}

export interface TriggerInput {
  customerId: string; contractId: string | null; instalmentId: string | null;
  source: 'contract_signed' | 'plan_date' | 'delivery' | 'milestone' | 'order' | 'service_period' | 'usage' | 'manual';
  sourceKey: string | null; amount: string; taxAmount: string; currency: string; businessDate: string; dueDate: string;
  ownerId: string | null; reason?: string | null;
}

/**
 * Book a receivable inside the caller's transaction. Triggers pass a source key (e.g. 'instalment:<id>'), so the
 * same trigger firing twice — a retried request, two job runs — books one receivable; the second call returns it.
 */
export async function createReceivableFromTrigger(tx: Tx, actor: Actor, input: TriggerInput): Promise<{ id: string; created: boolean }> {
  if (input.sourceKey) {
    const existing = await q.findBySourceKey(tx, input.sourceKey);
    if (existing) return { id: existing, created: false };
  }
  const number = await nextDocNumber(tx, actor, 'YS', input.businessDate);
  const id = await q.insertReceivable(tx, {
    tenantId: actor.tenantId, number, customerId: input.customerId, contractId: input.contractId, instalmentId: input.instalmentId,
    kind: 'invoice', originalId: null, source: input.source, sourceKey: input.sourceKey, currency: input.currency,
    amount: roundMoney(input.amount, input.currency), taxAmount: roundMoney(input.taxAmount, input.currency),
    businessDate: input.businessDate, dueDate: input.dueDate, ownerId: input.ownerId, reason: input.reason ?? null, createdBy: actor.userId,
  });
  if (!id) return { id: (await q.findBySourceKey(tx, input.sourceKey!))!, created: false };
  await recordAudit(tx, actor, {
    action: 'create', entityType: 'receivable', entityId: id,
    after: { number, source: input.source, amount: roundMoney(input.amount, input.currency), dueDate: input.dueDate, customerId: input.customerId, contractId: input.contractId },
  });
  await emitEvent(tx, actor, { type: 'receivable.created', entityType: 'receivable', entityId: id, data: {
    id, number, kind: 'invoice', source: input.source, customerId: input.customerId, contractId: input.contractId, currency: input.currency,
    amount: roundMoney(input.amount, input.currency), businessDate: input.businessDate, dueDate: input.dueDate,
  } });
  return { id, created: true };
}

export async function createManualReceivable(db: Db, auth: AuthContext, input: import('zod').infer<typeof import('@l2c/shared').ReceivableCreate>) {
  return inTenant(db, auth, async (tx) => {
    const customer = await q.customerExists(tx, input.customerId);
    if (!customer) throw receivableError('customer_not_found', undefined, { errors: [{ path: 'customerId', message: 'no such customer' }] });
    // Checked before a number is taken; the owner is left to its foreign key (platform/pg-errors.ts names ownerId).
    if (input.contractId && !(await q.contractOfCustomer(tx, input.contractId, input.customerId))) {
      throw receivableError('contract_not_found', undefined, { errors: [{ path: 'contractId', message: 'no such contract of this customer' }] });
    }
    const { id } = await createReceivableFromTrigger(tx, auth, {
      customerId: input.customerId, contractId: input.contractId, instalmentId: null, source: 'manual', sourceKey: null,
      amount: input.amount, taxAmount: input.taxAmount, currency: input.currency, businessDate: input.businessDate ?? todayFor(auth),
      dueDate: input.dueDate, ownerId: input.ownerId ?? customer.owner_id, reason: input.reason,
    });
    return toReceivable((await loadReceivable(tx, { ...auth, scope: 'all' }, id)), todayFor(auth));
  });
}

/**
 * A credit note 红冲: a negative receivable linked to the original, at most what is still open on it. The caller holds
 * the customer's lock already (docs/adr/0004-lock-order.md: customer, then receivables), as the write-off that applies
 * the note needs it.
 */
export async function createCreditNoteTx(tx: Tx, auth: AuthContext, originalId: string, input: { amount: string; taxAmount: string; reason: string; businessDate?: string | undefined }) {
  const original = await loadReceivable(tx, auth, originalId);
  const [locked] = await q.lockReceivables(tx, [originalId]);
  if (original.kind !== 'invoice') throw receivableError('not_an_invoice');
  if (dec(input.amount).gt(dec(locked!.amount_open))) {
    throw receivableError('credit_note_exceeds', `At most ${locked!.amount_open} is open on ${original.number}`, { errors: [{ path: 'amount', message: `at most ${locked!.amount_open}` }] });
  }
  const date = input.businessDate ?? todayFor(auth);
  const number = await nextDocNumber(tx, auth, 'HC', date);
  const id = (await q.insertReceivable(tx, {
    tenantId: auth.tenantId, number, customerId: original.customer_id, contractId: original.contract_id, instalmentId: original.instalment_id,
    kind: 'credit_note', originalId, source: 'credit_note', sourceKey: null, currency: original.currency,
    amount: roundMoney(dec(input.amount).negated(), original.currency), taxAmount: roundMoney(dec(input.taxAmount).negated(), original.currency),
    businessDate: date, dueDate: date, ownerId: original.owner_id, reason: input.reason, createdBy: auth.userId,
  }))!;
  await recordAudit(tx, auth, { action: 'create', entityType: 'receivable', entityId: id, after: { number, kind: 'credit_note', originalId, amount: `-${roundMoney(input.amount, original.currency)}`, reason: input.reason } });
  return { id, number, customerId: original.customer_id };
}
