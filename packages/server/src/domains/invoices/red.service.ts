// Red-letter invoices 红字发票 through a confirmation 红字确认单: finance asks to reverse all or part of a blue invoice
// (its own record: pending → confirmed → issued, or cancelled), optionally linked to the credit note 红冲 booked on the
// receivable for the same reversal. Never more red than blue: every confirmation holds its amount on the blue invoice
// and its lines under the blue invoice's row lock. Issuing the red invoice frees the receivables' invoiced amount.
import { addMoney, dec, roundMoney, splitMoney, type RedConfirmation, type RedConfirmationCreate } from '@l2c/shared';
import { inTenant, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { nextDocNumber } from '../../platform/sequences.js';
import { withIdempotency } from '../../platform/idempotency.js';
import { todayFor } from '../../platform/clock.js';
import { decodeCursor, encodeCursor } from '../../platform/cursor.js';
import { invoiceError } from './invoices.errors.js';
import { negate, redPart, totalsOf } from './lines.js';
import { applyToPositions } from './positions.js';
import { invoiceScope, invoiceViewTx } from './issue.service.js';
import { positionChanges } from './requests.service.js';
import * as s from './sources.sql.js';
import * as q from './requests.sql.js';
import * as iq from './invoices.sql.js';

interface RedLine { seq: number; amountExclTax: string; taxAmount: string; amountInclTax: string }
interface Allocation { itemId: string; amount: string }

function sumBy<K>(rows: Array<{ key: K; amount: string }>, key: K): ReturnType<typeof dec> {
  return rows.filter((r) => r.key === key).reduce((t, r) => t.plus(dec(r.amount)), dec(0));
}

export async function createRedConfirmation(db: Db, auth: AuthContext, blueId: string, input: RedConfirmationCreate, idempotencyKey: string | undefined) {
  return inTenant(db, auth, (tx) => withIdempotency(tx, auth, `red-confirmations:${blueId}`, idempotencyKey, input, async () => {
    if (!(await iq.findInvoice(tx, blueId, invoiceScope(auth)))) throw invoiceError('invoice_not_found');
    const blue = await iq.lockInvoice(tx, blueId);
    if (!blue) throw invoiceError('invoice_not_found');
    if (blue.color !== 'blue') throw invoiceError('not_blue');
    const cur = blue.currency;
    const lines = await iq.invoiceLines(tx, blueId);
    const live = await iq.liveConfirmationsOf(tx, blueId);
    const prior = live.flatMap((c) => c.lines as unknown as RedLine[]);
    const priorAlloc = live.flatMap((c) => c.allocations as unknown as Allocation[]);
    // Full: every line's remainder; partial: the lines named, each at most its remainder.
    const wanted = input.lines ?? lines.map((l) => ({ seq: l.seq, amount: roundMoney(dec(l.amount_incl_tax).minus(dec(l.red_amount)), cur) })).filter((l) => dec(l.amount).gt(0));
    if (wanted.length === 0) throw invoiceError('red_exceeds', 'Nothing of this invoice is left to reverse');
    const red: RedLine[] = wanted.map((w, i) => {
      const line = lines.find((l) => l.seq === w.seq);
      if (!line) throw invoiceError('red_exceeds', undefined, { errors: [{ path: `lines.${i}.seq`, message: 'no such line on the invoice' }] });
      const left = dec(line.amount_incl_tax).minus(dec(line.red_amount));
      if (dec(w.amount).gt(left)) throw invoiceError('red_exceeds', undefined, { errors: [{ path: `lines.${i}.amount`, message: `at most ${roundMoney(left, cur)} of line ${w.seq} is left to reverse` }] });
      if (input.lines && input.lines.filter((x) => x.seq === w.seq).length > 1) throw invoiceError('red_exceeds', undefined, { errors: [{ path: `lines.${i}.seq`, message: 'name each line once' }] });
      // The last part of a line takes exactly what is left of its tax, so blue + all its reds net to zero.
      if (dec(w.amount).eq(left) && prior.some((p) => p.seq === w.seq)) {
        const tax = roundMoney(dec(line.tax_amount).minus(sumBy(prior.map((p) => ({ key: p.seq, amount: p.taxAmount })), w.seq)), cur);
        return { seq: w.seq, amountInclTax: roundMoney(w.amount, cur), taxAmount: tax, amountExclTax: roundMoney(dec(w.amount).minus(dec(tax)), cur) };
      }
      const part = redPart({ amountInclTax: line.amount_incl_tax, taxAmount: line.tax_amount, amountExclTax: line.amount_excl_tax, taxRate: line.tax_rate }, roundMoney(w.amount, cur), cur);
      return { seq: w.seq, ...part };
    });
    const totals = totalsOf(red, cur);
    // Which receivables (request items) the reversal frees: in proportion to what each still holds on this invoice.
    const items = await q.requestItems(tx, blue.request_id!);
    const room = items.map((it) => roundMoney(dec(it.amount).minus(sumBy(priorAlloc.map((a) => ({ key: a.itemId, amount: a.amount })), it.id)), cur));
    let allocations: Allocation[];
    if (input.receivableId) {
      const at = items.findIndex((it) => it.receivable_id === input.receivableId);
      if (at < 0) throw invoiceError('red_exceeds', undefined, { errors: [{ path: 'receivableId', message: 'not a receivable of this invoice' }] });
      if (dec(totals.amountInclTax).gt(dec(room[at]!))) throw invoiceError('red_exceeds', undefined, { errors: [{ path: 'receivableId', message: `at most ${room[at]} of this receivable is left on the invoice` }] });
      allocations = [{ itemId: items[at]!.id, amount: totals.amountInclTax }];
    } else {
      const shares = splitMoney(totals.amountInclTax, room, cur);
      allocations = items.map((it, i) => ({ itemId: it.id, amount: shares[i]! })).filter((a) => dec(a.amount).gt(0));
    }
    let creditNoteId: string | null = null;
    if (input.creditNoteId) {
      const note = await s.creditNoteOf(tx, input.creditNoteId);
      if (!note || note.kind !== 'credit_note' || !items.some((it) => it.receivable_id === note.original_id)) {
        throw invoiceError('credit_note_mismatch', undefined, { errors: [{ path: 'creditNoteId', message: 'not a credit note on one of this invoice\'s receivables' }] });
      }
      creditNoteId = note.id;
    }
    await iq.holdRed(tx, blueId, totals.amountInclTax, red.map((r) => ({ seq: r.seq, amount: r.amountInclTax })));
    const number = await nextDocNumber(tx, auth, 'HZ', todayFor(auth));
    const id = await iq.insertConfirmation(tx, {
      tenantId: auth.tenantId, number, blueInvoiceId: blueId, reason: input.reason, currency: cur, ...totals, lines: red, allocations,
      creditNoteId, remarks: input.remarks ?? null, createdBy: auth.userId,
    });
    await recordAudit(tx, auth, { action: 'create', entityType: 'red_confirmation', entityId: id, changes: [
      { field: 'status', before: null, after: 'pending' }, { field: 'blueInvoice', before: null, after: blue.number },
      { field: 'amountInclTax', before: null, after: totals.amountInclTax }, { field: 'reason', before: null, after: input.reason },
    ] });
    await recordAudit(tx, auth, { action: 'red_letter_requested', entityType: 'invoice', entityId: blueId, changes: [{ field: 'redAmount', before: roundMoney(blue.red_amount, cur), after: addMoney([blue.red_amount, totals.amountInclTax], cur) }] });
    return { statusCode: 201, body: await confirmationView(tx, auth, id) };
  }));
}

/** Head → blue invoice lock → confirmation lock (the order every red-letter change takes). */
async function lockBoth(tx: Tx, auth: AuthContext, id: string) {
  const head = await iq.confirmationHead(tx, id, invoiceScope(auth));
  if (!head) throw invoiceError('red_confirmation_not_found');
  const blue = await iq.lockInvoice(tx, head.blue_invoice_id);
  const rc = await iq.lockConfirmation(tx, id);
  if (!blue || !rc) throw invoiceError('red_confirmation_not_found');
  return { blue, rc };
}

/** The buyer's confirmation, as recorded on the tax platform. */
export async function confirmRedConfirmation(db: Db, auth: AuthContext, id: string) {
  return inTenant(db, auth, async (tx) => {
    const { rc } = await lockBoth(tx, auth, id);
    if (rc.status === 'confirmed') return confirmationView(tx, auth, id);
    if (rc.status !== 'pending') throw invoiceError('bad_status');
    await iq.setConfirmationStatus(tx, id, 'confirmed', auth.userId);
    await recordAudit(tx, auth, { action: 'confirm', entityType: 'red_confirmation', entityId: id, changes: [{ field: 'status', before: 'pending', after: 'confirmed' }] });
    return confirmationView(tx, auth, id);
  });
}

export async function cancelRedConfirmation(db: Db, auth: AuthContext, id: string) {
  return inTenant(db, auth, async (tx) => {
    const { blue, rc } = await lockBoth(tx, auth, id);
    if (rc.status === 'cancelled') return confirmationView(tx, auth, id);
    if (rc.status !== 'pending' && rc.status !== 'confirmed') throw invoiceError('bad_status');
    const lines = rc.lines as unknown as RedLine[];
    await iq.holdRed(tx, blue.id, dec(rc.amount_incl_tax).negated().toString(), lines.map((l) => ({ seq: l.seq, amount: dec(l.amountInclTax).negated().toString() })));
    await iq.setConfirmationStatus(tx, id, 'cancelled', auth.userId);
    await recordAudit(tx, auth, { action: 'cancel', entityType: 'red_confirmation', entityId: id, changes: [{ field: 'status', before: rc.status, after: 'cancelled' }] });
    return confirmationView(tx, auth, id);
  });
}

/** Record the red invoice the tax platform issued for a confirmed confirmation: negative lines, receivables freed. */
export async function issueRedInvoice(db: Db, auth: AuthContext, id: string, x: { number: string; issueDate: string }) {
  return inTenant(db, auth, async (tx) => {
    const { blue, rc } = await lockBoth(tx, auth, id);
    const existing = await iq.invoiceByNumber(tx, x.number);
    if (rc.status === 'issued') {
      if (existing?.red_confirmation_id === id) return { created: false, invoice: await invoiceViewTx(tx, auth, existing.id) };
      throw invoiceError('bad_status', `Confirmation ${rc.number} is already issued under another number`);
    }
    if (rc.status !== 'confirmed') throw invoiceError('bad_status', `Confirmation ${rc.number} is ${rc.status}; a red invoice is issued once it is confirmed`);
    if (existing) throw invoiceError('number_taken', undefined, { errors: [{ path: 'number', message: 'already recorded for another invoice' }] });
    const cur = rc.currency;
    const red = rc.lines as unknown as RedLine[];
    const blueLines = await iq.invoiceLines(tx, blue.id);
    const totals = negate({ amountExclTax: rc.amount_excl_tax, taxAmount: rc.tax_amount, amountInclTax: rc.amount_incl_tax }, cur);
    const invoiceId = await iq.insertInvoice(tx, {
      tenantId: auth.tenantId, number: x.number, color: 'red', invoiceType: blue.invoice_type, requestId: null, redConfirmationId: id, blueInvoiceId: blue.id,
      customerId: blue.customer_id, issueDate: x.issueDate, sellerName: blue.seller_name, sellerTaxpayerId: blue.seller_taxpayer_id, buyerName: blue.buyer_name,
      buyerTaxpayerId: blue.buyer_taxpayer_id, currency: cur, ...totals, remarks: `被红冲蓝字数电票号码：${blue.number} 红字发票信息确认单编号：${rc.number}`,
      source: 'manual', createdBy: auth.userId,
    }, red.map((r, i) => {
      const b = blueLines.find((l) => l.seq === r.seq)!;
      return { seq: i + 1, taxCode: b.tax_code, name: b.name, specification: b.specification, unit: b.unit, quantity: null, unitPrice: null, taxRate: b.tax_rate, ...negate(r, cur) };
    }));
    const allocations = rc.allocations as unknown as Allocation[];
    const items = await q.requestItems(tx, blue.request_id!);
    for (const a of allocations) await q.addItemRed(tx, a.itemId, a.amount);
    const freed = allocations.map((a) => {
      const it = items.find((i) => i.id === a.itemId)!;
      return { sourceType: it.source_type, sourceId: (it.receivable_id ?? it.contract_id)!, contractId: it.contract_id, amount: a.amount };
    });
    await applyToPositions(tx, positionChanges(freed, -1, 'invoiced'));
    await iq.setConfirmationStatus(tx, id, 'issued', auth.userId);
    await recordAudit(tx, auth, { action: 'issue', entityType: 'red_confirmation', entityId: id, changes: [{ field: 'status', before: 'confirmed', after: 'issued' }, { field: 'redInvoiceNumber', before: null, after: x.number }] });
    await recordAudit(tx, auth, { action: 'create', entityType: 'invoice', entityId: invoiceId, changes: [
      { field: 'number', before: null, after: x.number }, { field: 'color', before: null, after: 'red' }, { field: 'amountInclTax', before: null, after: totals.amountInclTax },
      { field: 'blueInvoice', before: null, after: blue.number },
    ] });
    return { created: true, invoice: await invoiceViewTx(tx, auth, invoiceId) };
  });
}

export async function confirmationView(tx: Tx, auth: AuthContext, id: string): Promise<RedConfirmation> {
  const r = await iq.findConfirmation(tx, id, invoiceScope(auth));
  if (!r) throw invoiceError('red_confirmation_not_found');
  return toView(r);
}

function toView(r: iq.ConfirmationViewRow): RedConfirmation {
  const m = (v: string) => roundMoney(v, r.currency);
  return {
    id: r.id, number: r.number, blueInvoice: { id: r.blue_invoice_id, number: r.blue_invoice_number }, customer: { id: r.customer_id, name: r.customer_name },
    reason: r.reason as RedConfirmation['reason'], currency: r.currency, amountExclTax: m(r.amount_excl_tax), taxAmount: m(r.tax_amount), amountInclTax: m(r.amount_incl_tax),
    lines: (r.lines as RedLine[]).map((l) => ({ seq: l.seq, amountExclTax: m(l.amountExclTax), taxAmount: m(l.taxAmount), amountInclTax: m(l.amountInclTax) })),
    creditNote: r.credit_note_id ? { id: r.credit_note_id, number: r.credit_note_number ?? '' } : null, status: r.status,
    redInvoice: r.red_invoice_id ? { id: r.red_invoice_id, number: r.red_invoice_number! } : null, remarks: r.remarks,
    createdBy: r.created_by ? { id: r.created_by, name: r.created_by_name ?? '' } : null, createdAt: new Date(r.created_at).toISOString(),
    confirmedBy: r.confirmed_by ? { id: r.confirmed_by, name: r.confirmed_by_name ?? '' } : null, confirmedAt: r.confirmed_at ? new Date(r.confirmed_at).toISOString() : null,
    version: r.version,
  };
}

export async function getRedConfirmation(db: Db, auth: AuthContext, id: string) {
  return inTenant(db, auth, (tx) => confirmationView(tx, auth, id));
}

export async function listRedConfirmations(db: Db, auth: AuthContext, query: { limit: number; cursor?: string | undefined; status?: string[] | undefined; customerId?: string | undefined; q?: string | undefined }) {
  return inTenant(db, auth, async (tx) => {
    const after = decodeCursor(query.cursor, ['instant', 'uuid']) as [string, string] | null;
    const rows = await iq.listConfirmations(tx, [invoiceScope(auth), ...iq.confirmationListWhere(query)], after, query.limit);
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return { items: page.map(toView), nextCursor: rows.length > query.limit && last ? encodeCursor([last.sort_key, last.id]) : null };
  });
}
