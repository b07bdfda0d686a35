// Issued invoices 数电票: an approved request becomes a blue invoice when finance records the number the tax platform
// gave it — typed in, or attached by importing the platform's export workbook. One invoice per request; the same
// number for the same request again is a no-op, so a re-import creates nothing twice.
import { dec, roundMoney, type Invoice } from '@l2c/shared';
import { inTenant, type Actor, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { decodeCursor, encodeCursor } from '../../platform/cursor.js';
import { invoiceError } from './invoices.errors.js';
import { applyToPositions } from './positions.js';
import { lineView, positionChanges, requestScope } from './requests.service.js';
import { readSettings } from './settings.service.js';
import * as q from './requests.sql.js';
import * as iq from './invoices.sql.js';

export function invoiceScope(auth: AuthContext) {
  return iq.customerScope('i', auth.userId, auth.scope);
}

export type IssueOutcome = { invoiceId: string; created: boolean };

/**
 * Record the blue invoice of an approved request (the caller's transaction). Lock order: the request, then the
 * positions of its sources. Requested becomes invoiced on each position.
 */
export async function issueBlueTx(tx: Tx, actor: Actor, requestId: string, x: { number: string; issueDate: string; source: 'manual' | 'import' }): Promise<IssueOutcome> {
  const req = await q.lockRequest(tx, requestId);
  if (!req) throw invoiceError('request_not_found');
  const existing = await iq.invoiceByNumber(tx, x.number);
  if (req.status === 'issued') {
    if (existing?.request_id === requestId) return { invoiceId: existing.id, created: false };
    throw invoiceError('bad_status', `Request ${req.number} is already issued under another number`);
  }
  if (req.status !== 'approved') throw invoiceError('bad_status', `Request ${req.number} is ${req.status}; only an approved request is issued`);
  if (existing) throw invoiceError('number_taken', undefined, { errors: [{ path: 'number', message: 'already recorded for another invoice' }] });
  const { effectiveSeller: seller } = await readSettings(tx);
  if (!seller.taxpayerId) throw invoiceError('no_seller');
  const lines = await q.requestLines(tx, requestId);
  const invoiceId = await iq.insertInvoice(tx, {
    tenantId: actor.tenantId, number: x.number, color: 'blue', invoiceType: req.invoice_type, requestId, redConfirmationId: null, blueInvoiceId: null,
    customerId: req.customer_id, issueDate: x.issueDate, sellerName: seller.name, sellerTaxpayerId: seller.taxpayerId,
    buyerName: req.buyer_name, buyerTaxpayerId: req.buyer_taxpayer_id, currency: req.currency, amountExclTax: req.amount_excl_tax,
    taxAmount: req.tax_amount, amountInclTax: req.amount_incl_tax, remarks: req.remarks, source: x.source, createdBy: actor.userId,
  }, lines.map((l) => ({
    seq: l.seq, taxCode: l.tax_code, name: l.name, specification: l.specification, unit: l.unit, quantity: l.quantity, unitPrice: l.unit_price,
    amountExclTax: l.amount_excl_tax, taxRate: l.tax_rate, taxAmount: l.tax_amount, amountInclTax: l.amount_incl_tax,
  })));
  const items = (await q.requestItems(tx, requestId)).map((it) => ({ sourceType: it.source_type, sourceId: (it.receivable_id ?? it.contract_id)!, contractId: it.contract_id, amount: it.amount }));
  await applyToPositions(tx, [...positionChanges(items, -1, 'requested'), ...positionChanges(items, 1, 'invoiced')]);
  await q.setRequestStatus(tx, requestId, { status: 'issued' });
  await recordAudit(tx, actor, { action: 'issue', entityType: 'invoice_request', entityId: requestId, changes: [{ field: 'status', before: 'approved', after: 'issued' }, { field: 'invoiceNumber', before: null, after: x.number }] });
  await recordAudit(tx, actor, { action: 'create', entityType: 'invoice', entityId: invoiceId, changes: [
    { field: 'number', before: null, after: x.number }, { field: 'color', before: null, after: 'blue' }, { field: 'amountInclTax', before: null, after: roundMoney(req.amount_incl_tax, req.currency) },
    { field: 'source', before: null, after: x.source },
  ] });
  return { invoiceId, created: true };
}

export async function issueInvoice(db: Db, auth: AuthContext, requestId: string, x: { number: string; issueDate: string }) {
  return inTenant(db, auth, async (tx) => {
    if (!(await q.findRequest(tx, requestId, requestScope(auth)))) throw invoiceError('request_not_found');
    const out = await issueBlueTx(tx, auth, requestId, { ...x, source: 'manual' });
    return { created: out.created, invoice: await invoiceViewTx(tx, auth, out.invoiceId) };
  });
}

export async function invoiceViewTx(tx: Tx, auth: AuthContext, id: string): Promise<Invoice> {
  const r = await iq.findInvoice(tx, id, invoiceScope(auth));
  if (!r) throw invoiceError('invoice_not_found');
  const lines = await iq.invoiceLines(tx, id);
  return { ...summaryOf(r), lines: lines.map((l) => ({ ...lineView(l, r.currency), redAmount: roundMoney(l.red_amount, r.currency) })) };
}

function summaryOf(r: iq.InvoiceViewRow): Omit<Invoice, 'lines'> {
  const m = (v: string) => roundMoney(v, r.currency);
  return {
    id: r.id, number: r.number, color: r.color, invoiceType: r.invoice_type, requestId: r.request_id, requestNumber: r.request_number,
    redConfirmationId: r.red_confirmation_id, blueInvoice: r.blue_invoice_id ? { id: r.blue_invoice_id, number: r.blue_invoice_number! } : null,
    customer: { id: r.customer_id, name: r.customer_name }, issueDate: r.issue_date,
    seller: { name: r.seller_name, taxpayerId: r.seller_taxpayer_id }, buyer: { name: r.buyer_name, taxpayerId: r.buyer_taxpayer_id },
    currency: r.currency, amountExclTax: m(r.amount_excl_tax), taxAmount: m(r.tax_amount), amountInclTax: m(r.amount_incl_tax), redAmount: m(r.red_amount),
    remarks: r.remarks, source: r.source, createdAt: new Date(r.created_at).toISOString(),
  };
}

export async function getInvoice(db: Db, auth: AuthContext, id: string) {
  return inTenant(db, auth, (tx) => invoiceViewTx(tx, auth, id));
}

export async function listInvoices(db: Db, auth: AuthContext, query: { limit: number; cursor?: string | undefined; color?: string | undefined; customerId?: string | undefined; receivableId?: string | undefined; contractId?: string | undefined; q?: string | undefined }) {
  return inTenant(db, auth, async (tx) => {
    const after = decodeCursor(query.cursor, ['instant', 'uuid']) as [string, string] | null;
    const rows = await iq.listInvoices(tx, [invoiceScope(auth), ...iq.invoiceListWhere(query)], after, query.limit);
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return { items: page.map(summaryOf), nextCursor: rows.length > query.limit && last ? encodeCursor([last.sort_key, last.id]) : null };
  });
}

/** A blue invoice's amount still open to red letters. */
export function redRoom(inv: { amount_incl_tax: string; red_amount: string }): string {
  return dec(inv.amount_incl_tax).minus(dec(inv.red_amount)).toString();
}
