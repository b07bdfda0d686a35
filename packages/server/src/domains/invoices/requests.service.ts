// Invoice requests 开票申请: a rep or finance asks for an invoice over receivables or contracts (several sources on one
// invoice, a source on several invoices, full or partial), the request goes through the approval engine (document type
// invoice_request), and finance issues it on the tax platform. Nothing is ever invoiced beyond a source's amount: the
// check runs under the row lock of the source's invoice position, in the transaction that changes it.
import { addMoney, can, dec, roundMoney, type InvoiceRequest, type InvoiceRequestCreate } from '@l2c/shared';
import { inTenant, type Actor, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { nextDocNumber } from '../../platform/sequences.js';
import { withIdempotency } from '../../platform/idempotency.js';
import { todayFor } from '../../platform/clock.js';
import { decodeCursor, encodeCursor } from '../../platform/cursor.js';
import { cancelPendingApproval, submitForApproval, type ApprovalDecision, type ApprovalHandler } from '../approvals/index.js';
import { invoiceError } from './invoices.errors.js';
import { computeLines, totalsOf } from './lines.js';
import { applyToPositions, type PositionChange } from './positions.js';
import * as s from './sources.sql.js';
import * as q from './requests.sql.js';

export function requestScope(auth: AuthContext) {
  return s.ownerScope('ir', 'requested_by', auth.userId, auth.scope);
}

type Source = s.SourceRow & { kind: 'receivable' | 'contract'; itemAmount: string };

async function loadSources(tx: Tx, auth: AuthContext, input: InvoiceRequestCreate): Promise<Source[]> {
  const out: Source[] = [];
  for (const [i, it] of input.items.entries()) {
    const kind = it.receivableId ? 'receivable' : 'contract';
    const path = `items.${i}.${kind}Id`;
    const row = kind === 'receivable'
      ? await s.receivableSource(tx, it.receivableId!, s.ownerScope('r', 'owner_id', auth.userId, auth.scope))
      : await s.contractSource(tx, it.contractId!, s.ownerScope('k', 'owner_id', auth.userId, auth.scope));
    if (!row) throw invoiceError('source_not_found', undefined, { errors: [{ path, message: `no such ${kind} in your data scope` }] });
    if (kind === 'receivable' && it.contractId && row.contract_id !== it.contractId) {
      throw invoiceError('source_not_found', undefined, { errors: [{ path: `items.${i}.contractId`, message: 'not the receivable\'s contract' }] });
    }
    if (!row.invoiceable) throw invoiceError('not_invoiceable', undefined, { errors: [{ path, message: kind === 'receivable' ? 'a credit note is not invoiced' : 'the contract is not signed' }] });
    if (out.some((o) => o.kind === kind && o.id === row.id)) throw invoiceError('mixed_sources', 'Name each source once', { errors: [{ path, message: 'named twice' }] });
    out.push({ ...row, kind, itemAmount: roundMoney(it.amount, row.currency) });
  }
  const first = out[0]!;
  const other = out.findIndex((o) => o.customer_id !== first.customer_id || o.currency !== first.currency);
  if (other >= 0) throw invoiceError('mixed_sources', undefined, { errors: [{ path: `items.${other}`, message: 'another customer or currency than the first item' }] });
  return out;
}

/** The positions a request's items hold: each source's own, and a receivable's contract's (the contract's ceiling covers both ways of invoicing it). */
export function positionChanges(items: Array<{ sourceType: string; sourceId: string; contractId: string | null; amount: string }>, sign: 1 | -1, field: 'requested' | 'invoiced'): PositionChange[] {
  const changes: PositionChange[] = [];
  for (const it of items) {
    const amount = sign > 0 ? it.amount : dec(it.amount).negated().toString();
    changes.push({ sourceType: it.sourceType, sourceId: it.sourceId, [field]: amount });
    if (it.sourceType !== 'contract' && it.contractId) changes.push({ sourceType: 'contract', sourceId: it.contractId, [field]: amount });
  }
  return changes;
}

export async function createInvoiceRequest(db: Db, auth: AuthContext, input: InvoiceRequestCreate, idempotencyKey: string | undefined) {
  return inTenant(db, auth, (tx) => withIdempotency(tx, auth, 'invoice-requests', idempotencyKey, input, async () => {
    const sources = await loadSources(tx, auth, input);
    const currency = sources[0]!.currency;
    const customerId = sources[0]!.customer_id;
    const itemsTotal = addMoney(sources.map((x) => x.itemAmount), currency);
    const lines = computeLines(input.lines, input.pricesIncludeTax, currency);
    const totals = totalsOf(lines, currency);
    if (!dec(totals.amountInclTax).eq(dec(itemsTotal))) {
      throw invoiceError('lines_mismatch', undefined, { errors: [{ path: 'lines', message: `the lines come to ${totals.amountInclTax} with tax; the items to ${itemsTotal}` }] });
    }
    // Positions first (ceilings: a receivable's amount, a contract's amount with tax), then lock them in id order.
    await s.ensurePositions(tx, auth.tenantId, sources.flatMap((x) => [
      { sourceType: x.kind, sourceId: x.id, currency, ceiling: x.amount },
      ...(x.kind === 'receivable' && x.contract_id && x.contract_amount ? [{ sourceType: 'contract' as const, sourceId: x.contract_id, currency: x.contract_currency ?? currency, ceiling: x.contract_amount }] : []),
    ]));
    await applyToPositions(tx, positionChanges(sources.map((x) => ({ sourceType: x.kind, sourceId: x.id, contractId: x.contract_id, amount: x.itemAmount })), 1, 'requested'),
      (sourceType, sourceId) => {
        const i = sources.findIndex((x) => x.id === sourceId);
        return i >= 0 ? `items.${i}.amount` : `items (contract ${sourceType === 'contract' ? sources.find((x) => x.contract_id === sourceId)?.number ?? '' : ''})`;
      });
    const customer = await s.customerAsBuyer(tx, customerId);
    const number = await nextDocNumber(tx, auth, 'KP', todayFor(auth));
    const id = await q.insertRequest(tx, {
      tenantId: auth.tenantId, number, customerId, invoiceType: input.invoiceType, currency, pricesIncludeTax: input.pricesIncludeTax, ...totals,
      buyerName: input.buyer?.name ?? customer!.name, buyerTaxpayerId: input.buyer?.taxpayerId ?? customer!.credit_code,
      buyerAddressPhone: input.buyer?.addressPhone ?? ([customer!.address, customer!.phone].filter(Boolean).join(' ') || null),
      buyerBankAccount: input.buyer?.bankAccount ?? null, remarks: input.remarks ?? null, requestedBy: auth.userId,
    }, sources.map((x, i) => ({ seq: i + 1, sourceType: x.kind, receivableId: x.kind === 'receivable' ? x.id : null, contractId: x.kind === 'contract' ? x.id : null, amount: x.itemAmount })),
    lines.map((l) => ({ ...l, taxRate: l.taxRate })));
    await recordAudit(tx, auth, { action: 'create', entityType: 'invoice_request', entityId: id, changes: [
      { field: 'status', before: null, after: 'pending' }, { field: 'amountInclTax', before: null, after: totals.amountInclTax },
      { field: 'items', before: null, after: sources.map((x) => `${x.number}: ${x.itemAmount}`).join(', ') },
    ] });
    const facts = { amount: totals.amountInclTax, currency, invoiceType: input.invoiceType, customerName: customer!.name, taxAmount: totals.taxAmount };
    const approval = await submitForApproval(tx, auth, { docType: 'invoice_request', docId: id, docNumber: number, title: `${customer!.name} · ${totals.amountInclTax} ${currency}`, facts });
    if (approval.status === 'approved') await decide(tx, auth, { requestId: approval.requestId, docType: 'invoice_request', docId: id, outcome: 'approved', comment: null, facts });
    return { statusCode: 201, body: await viewOf(tx, auth, id) };
  }));
}

/**
 * The engine's callback for invoice_request, inside the deciding transaction: approval request (the engine's lock) →
 * invoice request → positions. Approved: ready to issue. Rejected or returned: closed, and its amounts are freed.
 * Idempotent: a request already closed the same way is left alone.
 */
async function decide(tx: Tx, actor: Actor, d: ApprovalDecision): Promise<void> {
  const req = await q.lockRequest(tx, d.docId);
  if (!req) throw invoiceError('request_not_found');
  const status = d.outcome === 'approved' ? 'approved' : 'rejected';
  if (req.status !== 'pending') {
    if (req.status === status) return;
    throw invoiceError('bad_status');
  }
  if (status === 'rejected') await releaseRequested(tx, req.id);
  await q.setRequestStatus(tx, req.id, { status, decidedBy: actor.userId, comment: d.comment });
  await recordAudit(tx, actor, { action: status === 'approved' ? 'approve' : 'reject', entityType: 'invoice_request', entityId: req.id, changes: [{ field: 'status', before: 'pending', after: status }, ...(d.comment ? [{ field: 'comment', before: null, after: d.comment }] : [])] });
}

export const invoiceRequestApprovalHandler: ApprovalHandler = { onDecided: decide };

async function releaseRequested(tx: Tx, requestId: string) {
  const items = await q.requestItems(tx, requestId);
  await applyToPositions(tx, positionChanges(items.map((it) => ({ sourceType: it.source_type, sourceId: (it.receivable_id ?? it.contract_id)!, contractId: it.contract_id, amount: it.amount })), -1, 'requested'));
}

/** Cancel a pending or approved request (not yet issued): its approval is withdrawn and its amounts freed. */
export async function cancelInvoiceRequest(db: Db, auth: AuthContext, id: string, reason: string | null) {
  return inTenant(db, auth, async (tx) => {
    const seen = await q.findRequest(tx, id, requestScope(auth));
    if (!seen) throw invoiceError('request_not_found');
    if (seen.requested_by !== auth.userId && !can(auth.role, 'invoices', 'update')) throw invoiceError('not_yours');
    // Withdraw the approval first (the engine locks its request before the document, as a decision does).
    await cancelPendingApproval(tx, auth, 'invoice_request', id, reason);
    const req = await q.lockRequest(tx, id);
    if (!req || (req.status !== 'pending' && req.status !== 'approved')) throw invoiceError('bad_status');
    await releaseRequested(tx, id);
    await q.setRequestStatus(tx, id, { status: 'cancelled', decidedBy: auth.userId, comment: reason });
    await recordAudit(tx, auth, { action: 'cancel', entityType: 'invoice_request', entityId: id, changes: [{ field: 'status', before: req.status, after: 'cancelled' }] });
    return viewOf(tx, auth, id);
  });
}

export async function viewOf(tx: Tx, auth: AuthContext, id: string): Promise<InvoiceRequest> {
  const r = await q.findRequest(tx, id, requestScope(auth));
  if (!r) throw invoiceError('request_not_found');
  const [items, lines] = await Promise.all([q.itemViews(tx, id), q.requestLines(tx, id)]);
  return {
    ...summaryOf(r),
    items: items.map((it) => ({
      id: it.id, seq: it.seq, sourceType: it.source_type, receivable: it.receivable_id ? { id: it.receivable_id, number: it.receivable_number! } : null,
      contract: it.contract_id ? { id: it.contract_id, number: it.contract_number ?? '' } : null, amount: roundMoney(it.amount, r.currency), redAmount: roundMoney(it.red_amount, r.currency),
    })),
    lines: lines.map((l) => lineView(l, r.currency)),
  };
}

export function lineView(l: { seq: number; tax_code: string | null; name: string; specification: string | null; unit: string | null; quantity: string | null; unit_price: string | null; amount_excl_tax: string; tax_rate: string; tax_amount: string; amount_incl_tax: string }, currency: string) {
  return {
    seq: l.seq, taxCode: l.tax_code, name: l.name, specification: l.specification, unit: l.unit,
    quantity: l.quantity === null ? null : dec(l.quantity).toString(), unitPrice: l.unit_price === null ? null : dec(l.unit_price).toString(),
    amountExclTax: roundMoney(l.amount_excl_tax, currency), taxRate: dec(l.tax_rate).toString(), taxAmount: roundMoney(l.tax_amount, currency), amountInclTax: roundMoney(l.amount_incl_tax, currency),
  };
}

function summaryOf(r: q.RequestViewRow): Omit<InvoiceRequest, 'items' | 'lines'> {
  const m = (v: string) => roundMoney(v, r.currency);
  return {
    id: r.id, number: r.number, customer: { id: r.customer_id, name: r.customer_name }, invoiceType: r.invoice_type, currency: r.currency,
    pricesIncludeTax: r.prices_include_tax, amountExclTax: m(r.amount_excl_tax), taxAmount: m(r.tax_amount), amountInclTax: m(r.amount_incl_tax),
    buyer: { name: r.buyer_name, taxpayerId: r.buyer_taxpayer_id, addressPhone: r.buyer_address_phone, bankAccount: r.buyer_bank_account },
    remarks: r.remarks, status: r.status, requestedBy: r.requested_by ? { id: r.requested_by, name: r.requested_by_name ?? '' } : null,
    requestedAt: new Date(r.created_at).toISOString(), decidedBy: r.decided_by ? { id: r.decided_by, name: r.decided_by_name ?? '' } : null,
    decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null, decisionComment: r.decision_comment, approvalId: r.approval_id,
    invoice: r.invoice_id ? { id: r.invoice_id, number: r.invoice_number!, issueDate: r.invoice_issue_date! } : null, version: r.version,
  };
}

export async function getInvoiceRequest(db: Db, auth: AuthContext, id: string) {
  return inTenant(db, auth, (tx) => viewOf(tx, auth, id));
}

export async function listInvoiceRequests(db: Db, auth: AuthContext, query: { limit: number; cursor?: string | undefined; status?: string[] | undefined; customerId?: string | undefined; receivableId?: string | undefined; contractId?: string | undefined; q?: string | undefined }) {
  return inTenant(db, auth, async (tx) => {
    const after = decodeCursor(query.cursor, ['instant', 'uuid']) as [string, string] | null;
    const rows = await q.listRequests(tx, [requestScope(auth), ...q.requestListWhere(query)], after, query.limit);
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return { items: page.map(summaryOf), nextCursor: rows.length > query.limit && last ? encodeCursor([last.sort_key, last.id]) : null };
  });
}
