// The write-off engine 核销: allocate money in (payments, credit notes, rebates) to money owed (receivables), and
// reverse such allocations as new facts. One transaction per decision; every invariant is checked inside it, under
// row locks taken in one fixed order (customer, then receivables by id, then payments by id), so concurrent
// write-offs queue instead of double-applying or deadlocking.
import crypto from 'node:crypto';
import { BOOK_CURRENCY, dec, roundMoney, type DecimalValue } from '@l2c/shared';
import type { AuthContext } from '../../platform/auth.js';
import type { Actor, Tx } from '../../platform/db.js';
import { recordAudits, type AuditInput } from '../../platform/audit.js';
import { emitEvent } from '../../platform/outbox.js';
import { checkAtEnd } from '../../platform/commit-writes.js';
import { nextDocNumber } from '../../platform/sequences.js';
import { todayFor } from '../../platform/clock.js';
import { lockReceivables, receivableStatus, recordSettlement, refreshOpen } from '../../domains/receivables/index.js';
import { accountBalance, accountEntriesStatement, lockPayments, refreshUnappliedStatement } from '../../domains/payments/index.js';
import { lockCustomer } from '../../domains/credit/index.js';
import { writeOffError } from './write-off.errors.js';
import * as q from './write-off.sql.js';

export type LineSource = { type: 'payment'; paymentId: string } | { type: 'credit_note'; creditNoteId: string } | { type: 'rebate' } | { type: 'bad_debt' };
export interface Line { receivableId: string; source: LineSource; amount: string }
export interface ApplyInput { customerId: string; appliedOn?: string | undefined; lines: Line[]; memo: string | null }

function sumBy<K>(items: Array<{ key: K; amount: DecimalValue }>): Map<K, DecimalValue> {
  const m = new Map<K, DecimalValue>();
  for (const { key, amount } of items) m.set(key, (m.get(key) ?? dec(0)).plus(amount));
  return m;
}

const lineError = (i: number, message: string) => ({ errors: [{ path: `lines.${i}.amount`, message }] });

/** A payment this transaction booked itself: nobody else can see the row yet, so there is nothing to lock. */
export interface OwnPayment { id: string; customer_id: string; currency: string; amount_unapplied: string; status: string; number: string }

export interface ApplyOptions {
  kind?: 'apply' | 'bad_debt';
  /** The caller already holds this customer's lock (it booked the payment in the same transaction). */
  customerLocked?: boolean;
  /** Payments booked earlier in this transaction, used as they are instead of locked and read again. */
  ownPayments?: OwnPayment[];
  /** Receivables this transaction has locked and read already (the automatic proposal), not locked again. */
  lockedReceivables?: LockedReceivable[];
  /** The write-off's number, taken by the caller (with the payment's, in one round trip: sequences.ts). */
  number?: string;
}
export type LockedReceivable = Awaited<ReturnType<typeof lockReceivables>>[number];

export async function applyWriteOffTx(tx: Tx, actor: AuthContext | Actor, input: ApplyInput, opts: ApplyOptions = {}): Promise<string> {
  const kind = opts.kind ?? 'apply';
  if (!opts.customerLocked && !(await lockCustomer(tx, input.customerId))) throw writeOffError('customer_not_found');
  const appliedOn = input.appliedOn ?? todayFor(actor);
  const creditNoteIds = input.lines.flatMap((l) => (l.source.type === 'credit_note' ? [l.source.creditNoteId] : []));
  const known = new Map((opts.lockedReceivables ?? []).map((r) => [r.id, r]));
  const targets = [...new Set([...input.lines.map((l) => l.receivableId), ...creditNoteIds])];
  const receivables = new Map<string, LockedReceivable>([
    ...targets.flatMap((id) => (known.has(id) ? [[id, known.get(id)!] as const] : [])),
    ...(await lockReceivables(tx, targets.filter((id) => !known.has(id)))).map((r) => [r.id, r] as const),
  ]);
  const paymentIds = [...new Set(input.lines.flatMap((l) => (l.source.type === 'payment' ? [l.source.paymentId] : [])))];
  const own = new Map((opts.ownPayments ?? []).map((p) => [p.id, p]));
  const payments = new Map<string, OwnPayment>([
    ...own,
    ...(await lockPayments(tx, paymentIds.filter((id) => !own.has(id)))).map((p) => [p.id, p] as const),
  ]);

  // One write-off is in one currency, its first receivable's: every amount it books is rounded to that currency.
  const currency = receivables.get(input.lines[0]?.receivableId ?? '')?.currency ?? BOOK_CURRENCY;
  input.lines.forEach((l, i) => {
    const r = receivables.get(l.receivableId);
    if (!r || r.customer_id !== input.customerId) throw writeOffError('receivable_not_found', undefined, { errors: [{ path: `lines.${i}.receivableId`, message: 'not an open receivable of this customer' }] });
    if (r.currency !== currency) throw writeOffError('currency_mismatch', `${r.number} is in ${r.currency}, the write-off in ${currency}`, { errors: [{ path: `lines.${i}.receivableId`, message: `in ${r.currency}; the other lines are in ${currency}` }] });
    if (r.kind !== 'invoice') throw writeOffError('not_an_invoice', undefined, { errors: [{ path: `lines.${i}.receivableId`, message: 'a credit note is a source, not a target' }] });
    if (l.source.type === 'payment') {
      const p = payments.get(l.source.paymentId);
      if (!p || p.customer_id !== input.customerId) throw writeOffError('source_not_found', undefined, { errors: [{ path: `lines.${i}.source.paymentId`, message: 'no such payment of this customer' }] });
      if (p.status !== 'confirmed') throw writeOffError('payment_not_confirmed', `${p.number} is ${p.status}`, { errors: [{ path: `lines.${i}.source.paymentId`, message: `payment is ${p.status}` }] });
      if (p.currency !== r.currency) throw writeOffError('currency_mismatch', undefined, lineError(i, 'currency differs'));
    }
    if (l.source.type === 'credit_note') {
      const cn = receivables.get(l.source.creditNoteId);
      if (!cn || cn.kind !== 'credit_note' || cn.customer_id !== input.customerId) throw writeOffError('source_not_found', undefined, { errors: [{ path: `lines.${i}.source.creditNoteId`, message: 'no such credit note of this customer' }] });
      if (cn.currency !== r.currency) throw writeOffError('currency_mismatch', undefined, { errors: [{ path: `lines.${i}.source.creditNoteId`, message: `credit note in ${cn.currency}, receivable in ${r.currency}` }] });
    }
  });

  // Totals per target and per source, against the locked, current figures.
  const perReceivable = sumBy(input.lines.map((l) => ({ key: l.receivableId, amount: dec(l.amount) })));
  for (const [id, total] of perReceivable) {
    const r = receivables.get(id)!;
    if (total.gt(dec(r.amount_open))) {
      const i = input.lines.findIndex((l) => l.receivableId === id);
      throw writeOffError('exceeds_open', `${r.number}: ${roundMoney(total, currency)} asked, ${roundMoney(r.amount_open, currency)} open`, lineError(i, `at most ${roundMoney(r.amount_open, currency)} is open`));
    }
  }
  const perPayment = sumBy(input.lines.flatMap((l) => (l.source.type === 'payment' ? [{ key: l.source.paymentId, amount: dec(l.amount) }] : [])));
  for (const [id, total] of perPayment) {
    const p = payments.get(id)!;
    if (total.gt(dec(p.amount_unapplied))) {
      const i = input.lines.findIndex((l) => l.source.type === 'payment' && l.source.paymentId === id);
      throw writeOffError('exceeds_unapplied', `${p.number}: ${roundMoney(total, p.currency)} asked, ${roundMoney(p.amount_unapplied, p.currency)} unapplied`, lineError(i, `at most ${roundMoney(p.amount_unapplied, p.currency)} is unapplied`));
    }
  }
  const perCreditNote = sumBy(input.lines.flatMap((l) => (l.source.type === 'credit_note' ? [{ key: l.source.creditNoteId, amount: dec(l.amount) }] : [])));
  for (const [id, total] of perCreditNote) {
    if (total.gt(dec(receivables.get(id)!.amount_open))) {
      const i = input.lines.findIndex((l) => l.source.type === 'credit_note' && l.source.creditNoteId === id);
      throw writeOffError('exceeds_credit_note', undefined, lineError(i, `at most ${roundMoney(receivables.get(id)!.amount_open, currency)} is open on the credit note`));
    }
  }
  const rebateTotal = input.lines.filter((l) => l.source.type === 'rebate').reduce((s, l) => s.plus(dec(l.amount)), dec(0));
  if (rebateTotal.gt(0)) {
    const balance = await accountBalance(tx, input.customerId, 'rebate');
    if (rebateTotal.gt(dec(balance))) throw writeOffError('exceeds_rebate', undefined, lineError(input.lines.findIndex((l) => l.source.type === 'rebate'), `rebate balance is ${roundMoney(balance, currency)}`));
  }

  const total = input.lines.reduce((s, l) => s.plus(dec(l.amount)), dec(0));
  const number = opts.number ?? await nextDocNumber(tx, actor, 'HX', appliedOn);
  // The header, its allocations and the ledger entries they move, in one statement (the entries need the header's id,
  // chosen here).
  const writeOffId = crypto.randomUUID();
  const entries: Array<Parameters<typeof accountEntriesStatement>[0][number]> = [];
  for (const [paymentId, amount] of perPayment) {
    entries.push({ tenantId: actor.tenantId, customerId: input.customerId, account: 'prepaid', amount: roundMoney(amount.negated(), currency), businessDate: appliedOn, kind: 'applied', refType: 'write_off', refId: writeOffId, memo: `${number} ← ${payments.get(paymentId)!.number}`, createdBy: actor.userId });
  }
  if (rebateTotal.gt(0)) {
    entries.push({ tenantId: actor.tenantId, customerId: input.customerId, account: 'rebate', amount: roundMoney(rebateTotal.negated(), currency), businessDate: appliedOn, kind: 'rebate_used', refType: 'write_off', refId: writeOffId, memo: number, createdBy: actor.userId });
  }
  await recordSettlement(tx, { tenantId: actor.tenantId, number, customerId: input.customerId, kind, reversesId: null, appliedOn, total: roundMoney(total, currency), memo: input.memo, createdBy: actor.userId },
    input.lines.map((l) => ({
      tenantId: actor.tenantId, receivableId: l.receivableId, sourceType: l.source.type,
      paymentId: l.source.type === 'payment' ? l.source.paymentId : null, creditNoteId: l.source.type === 'credit_note' ? l.source.creditNoteId : null,
      amount: roundMoney(l.amount, currency), reversesId: null, appliedOn,
    })), entries.length > 0 ? accountEntriesStatement(entries) : null, writeOffId);
  const changed = await settle(tx, input.customerId, writeOffId, [...receivables.keys()], paymentIds.length > 0, receivables);
  await recordAudits(tx, actor, [
    { action: kind === 'bad_debt' ? 'bad_debt' : 'create', entityType: 'write_off', entityId: writeOffId,
      after: { number, customerId: input.customerId, appliedOn, total: roundMoney(total, currency), lines: input.lines.map((l) => ({ receivableId: l.receivableId, source: l.source.type, amount: roundMoney(l.amount, currency) })) } },
    ...changed,
  ]);
  await emitEvent(tx, actor, { type: 'write_off.created', entityType: 'write_off', entityId: writeOffId, data: {
    id: writeOffId, number, kind, customerId: input.customerId, currency, appliedOn, total: roundMoney(total, currency),
    lines: input.lines.map((l) => ({ receivableId: l.receivableId, source: l.source.type, amount: roundMoney(l.amount, currency) })),
  } });
  await emitReceivableChanges(tx, actor, changed);
  return writeOffId;
}

/** Reverse a write-off 反核销: a new write-off whose allocations negate the original's, dated `reversedOn`. */
export async function reverseWriteOffTx(tx: Tx, actor: AuthContext | Actor, writeOffId: string, reason: string, reversedOn?: string): Promise<string> {
  const original = await q.findWriteOff(tx, writeOffId);
  if (!original) throw writeOffError('not_found');
  // The customer lock serialises money writers of this customer; re-read after it (the unique reverses_id is the
  // last line of defence against a double reversal).
  await lockCustomer(tx, original.customer_id);
  const locked = (await q.findWriteOff(tx, writeOffId))!;
  if (locked.kind === 'reverse') throw writeOffError('not_reversible');
  if (locked.reversed_by_id) throw writeOffError('already_reversed');
  const allocations = await q.allocationsOf(tx, [writeOffId]);
  const receivableIds = [...new Set(allocations.flatMap((a) => [a.receivable_id, ...(a.credit_note_id ? [a.credit_note_id] : [])]))];
  const before = new Map((await lockReceivables(tx, receivableIds)).map((r) => [r.id, r]));
  const paymentIds = [...new Set(allocations.flatMap((a) => (a.payment_id ? [a.payment_id] : [])))];
  await lockPayments(tx, paymentIds);
  const on = reversedOn ?? todayFor(actor);
  // The reversal is in the original's currency, that of the receivables it settled.
  const currency = before.get(allocations[0]?.receivable_id ?? '')?.currency ?? BOOK_CURRENCY;
  const number = await nextDocNumber(tx, actor, 'HX', on);
  const reversalId = crypto.randomUUID();
  const perPayment = sumBy(allocations.flatMap((a) => (a.payment_id ? [{ key: a.payment_id, amount: dec(a.amount) }] : [])));
  const entries: Array<Parameters<typeof accountEntriesStatement>[0][number]> = [];
  for (const [, amount] of perPayment) {
    entries.push({ tenantId: actor.tenantId, customerId: original.customer_id, account: 'prepaid', amount: roundMoney(amount, currency), businessDate: on, kind: 'reversal', refType: 'write_off', refId: reversalId, memo: `${number} ⟲ ${original.number}`, createdBy: actor.userId });
  }
  const rebate = allocations.filter((a) => a.source_type === 'rebate').reduce((s, a) => s.plus(dec(a.amount)), dec(0));
  if (rebate.gt(0)) {
    entries.push({ tenantId: actor.tenantId, customerId: original.customer_id, account: 'rebate', amount: roundMoney(rebate, currency), businessDate: on, kind: 'reversal', refType: 'write_off', refId: reversalId, memo: number, createdBy: actor.userId });
  }
  await recordSettlement(tx, { tenantId: actor.tenantId, number, customerId: original.customer_id, kind: 'reverse', reversesId: writeOffId, appliedOn: on, total: roundMoney(dec(original.total).negated(), currency), memo: reason, createdBy: actor.userId },
    allocations.map((a) => ({
      tenantId: actor.tenantId, receivableId: a.receivable_id, sourceType: a.source_type, paymentId: a.payment_id,
      creditNoteId: a.credit_note_id, amount: roundMoney(dec(a.amount).negated(), currency), reversesId: a.id, appliedOn: on,
    })), entries.length > 0 ? accountEntriesStatement(entries) : null, reversalId);
  const changed = await settle(tx, original.customer_id, reversalId, receivableIds, paymentIds.length > 0, before);
  await recordAudits(tx, actor, [
    { action: 'reverse', entityType: 'write_off', entityId: writeOffId, changes: [{ field: 'reversedBy', before: null, after: number }, { field: 'reason', before: null, after: reason }] },
    ...changed,
  ]);
  await emitEvent(tx, actor, { type: 'write_off.reversed', entityType: 'write_off', entityId: writeOffId, data: { id: writeOffId, number: original.number, reversalId, reversalNumber: number, reversedOn: on, reason } });
  await emitReceivableChanges(tx, actor, changed);
  return reversalId;
}

/** A receivable whose status a write-off or its reversal changed (open → partially paid → paid, and back) tells subscribers. */
async function emitReceivableChanges(tx: Tx, actor: Actor, changed: AuditInput[]): Promise<void> {
  for (const c of changed) {
    const status = c.changes?.find((x) => x.field === 'status');
    const open = c.changes?.find((x) => x.field === 'amountOpen');
    if (c.entityType !== 'receivable' || !status || status.before === status.after) continue;
    await emitEvent(tx, actor, { type: 'receivable.status_changed', entityType: 'receivable', entityId: c.entityId, data: { id: c.entityId, from: status.before, to: status.after, amountOpen: open?.after ?? null } });
  }
}

/**
 * Recompute the projections from the facts, and check the invariants the database cannot express as row checks: per
 * customer, receivables = applied + open, and the prepaid ledger = confirmed unapplied money — at the transaction's
 * end (checkAtEnd), so any gap aborts the whole transaction. Returns an audit entry for each receivable whose open
 * amount changed (the caller writes them with its own entry, in one statement).
 */
async function settle(tx: Tx, customerId: string, writeOffId: string, receivableIds: string[], paysFromPayments: boolean, before: Map<string, { id: string; kind: string; currency: string; amount: string; amount_open: string; bad_debt_amount: string }>): Promise<AuditInput[]> {
  // both projections in one round trip: the payments' update rides along the receivables' as a WITH clause. Both
  // find their rows through the write-off just recorded: its allocations name exactly `receivableIds` (targets and
  // credit notes) and the payments it applied.
  const after = new Map((await refreshOpen(tx, writeOffId, paysFromPayments ? refreshUnappliedStatement(writeOffId) : null)).map((r) => [r.id, r]));
  // The invariants are read in the transaction's last statement (with its audit entries and events), on all it wrote
  // and under every lock it holds; a gap rolls everything back.
  await checkAtEnd(tx, { key: `write-off invariants ${customerId}`, value: q.invariantGapsValue(customerId), verify: (v) => {
    const [receivables = '', prepaid = ''] = String(v).split(' ');
    if (!dec(receivables).isZero() || !dec(prepaid).isZero()) throw writeOffError('invariant_broken', `receivable gap ${receivables}, prepaid gap ${prepaid}`);
  } });
  const entries: AuditInput[] = [];
  for (const id of receivableIds) {
    const b = before.get(id)!;
    const a = after.get(id)!;
    if (b.amount_open === a.amount_open) continue;
    entries.push({ action: 'write_off', entityType: 'receivable', entityId: id, changes: [
      { field: 'amountOpen', before: roundMoney(b.amount_open, b.currency), after: roundMoney(a.amount_open, b.currency) },
      { field: 'status', before: receivableStatus(b.kind, b.amount, b.amount_open, b.bad_debt_amount), after: receivableStatus(a.kind, a.amount, a.amount_open, a.bad_debt_amount) },
    ] });
  }
  return entries;
}
