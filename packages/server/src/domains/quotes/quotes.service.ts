// Quotes: the header and lines a rep edits, priced once per change into an immutable version with a content hash.
// A change that alters the hash withdraws a pending approval and takes an approved quote back to draft: approval is
// bound to the hash, not to the quote (docs/pricing.md, issue 11 §3).
import { dec, roundMoney, type Quote, type QuoteCreate, type QuoteLineBody, type QuoteListQuery, type QuoteUpdate } from '@l2c/shared';
import { inTenant, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { nextDocNumber } from '../../platform/sequences.js';
import { commonError } from '../../platform/errors.js';
import { todayFor } from '../../platform/clock.js';
import { decodeCursor, encodeCursor } from '../../platform/cursor.js';
import { approvalHistory, cancelPendingApproval } from '../approvals/index.js';
import { priceAndReserveTx } from '../pricing/index.js';
import { canonicalJson, contentHash } from './hash.js';
import { checkBookable, expandLines, maxDiscount, snapshotLines, type SnapshotLine } from './pricing.js';
import { quoteError } from './quotes.errors.js';
import * as q from './quotes.sql.js';

export const OPEN_STATUSES = ['draft', 'pending_approval', 'approved'] as const;

export function scopeOf(auth: AuthContext) {
  return q.quoteScope(auth.userId, auth.scope);
}

export async function loadVisible(tx: Tx, auth: AuthContext, id: string, forUpdate = false): Promise<q.QuoteRow> {
  const row = await q.findQuote(tx, id, scopeOf(auth), forUpdate);
  if (!row) throw quoteError('not_found');
  return row;
}

export function toSummary(r: q.QuoteRow) {
  return {
    id: r.id, number: r.number, title: r.title, status: r.status, customer: { id: r.customer_id, name: r.customer_name },
    owner: r.owner_id ? { id: r.owner_id, name: r.owner_name ?? '' } : null, currency: r.currency, pricesIncludeTax: r.prices_include_tax,
    validUntil: r.valid_until, amountInclTax: roundMoney(r.amount_incl_tax ?? '0', r.currency), discountAmount: roundMoney(r.discount_amount ?? '0', r.currency),
    versionSeq: r.seq ?? 0, contentHash: r.content_hash, approvedHash: r.approved_hash, contractId: r.contract_id, version: r.version,
    opportunity: r.opportunity_id ? { id: r.opportunity_id, number: r.opportunity_number ?? '', name: r.opportunity_name ?? '' } : null,
    createdAt: String(r.created_at), updatedAt: String(r.updated_at),
  };
}

export interface Snapshot {
  /** What the hash covers. */
  content: { terms: Record<string, unknown>; entered: unknown[]; lines: SnapshotLine[]; totals: Record<string, string>; rebate: unknown };
  /** Pricing date and the key of what was entered: a save with the same input on the same day prices nothing again. */
  date: string;
  inputKey: string;
  /** The engine's full result, with each line's trace. */
  result: unknown;
  facts: { amount: string; maxDiscount: string; marginBelowFloor: boolean; minMargin: string | null };
}

export async function currentSnapshot(tx: Tx, row: q.QuoteRow): Promise<Snapshot | null> {
  if (!row.current_version_id) return null;
  const v = await q.versionSnapshot(tx, row.current_version_id);
  return v ? (v.snapshot as unknown as Snapshot) : null;
}

async function toQuote(tx: Tx, row: q.QuoteRow): Promise<Quote> {
  const [lines, snap, approvals] = [await q.linesOf(tx, row.id), await currentSnapshot(tx, row), await approvalHistory(tx, 'quote', row.id)];
  const skus = lines.filter((l) => l.sku_id && l.product_code).map((l) => ({ id: l.sku_id!, code: l.product_code! }));
  const paid = await q.lastPaid(tx, row.customer_id, skus);
  const latest = new Map<string, (typeof paid)[number]>();
  for (const p of paid) if (!latest.has(p.skuId) || latest.get(p.skuId)!.on < p.on) latest.set(p.skuId, p);
  const approval = approvals[approvals.length - 1]; // oldest first: the latest request is the one that counts
  return {
    ...toSummary(row), orderDiscountRate: dec(row.order_discount_rate).toString(), rebateRequested: row.rebate_requested, notes: row.notes,
    lines: lines.map((l) => ({
      id: l.id, position: l.position, group: l.group_name, skuId: l.sku_id, productCode: l.product_code, description: l.description, unit: l.unit,
      quantity: dec(l.quantity).toString(), attributes: (l.attributes ?? {}) as Record<string, string>, configuration: l.configuration, discountRate: dec(l.discount_rate).toString(),
      freeLine: l.free_line, unitPrice: l.unit_price === null ? null : dec(l.unit_price).toString(), unitCost: l.unit_cost === null ? null : dec(l.unit_cost).toString(),
      taxRate: l.tax_rate === null ? null : dec(l.tax_rate).toString(), lastPaid: l.sku_id ? latest.get(l.sku_id) ?? null : null,
    })),
    pricing: snap ? (snap.result as Quote['pricing']) : null,
    approval: approval ? { id: approval.id, status: approval.status, steps: approval.steps } : null,
    needsApproval: row.status !== 'approved' && row.status !== 'accepted',
    contract: row.contract_id ? { id: row.contract_id, number: row.contract_number ?? '' } : null,
  };
}

export async function getQuote(db: Db, auth: AuthContext, id: string): Promise<Quote> {
  return inTenant(db, auth, async (tx) => toQuote(tx, await loadVisible(tx, auth, id)));
}

export async function canSeeQuote(db: Db, auth: AuthContext, id: string): Promise<boolean> {
  return inTenant(db, auth, async (tx) => (await q.findQuote(tx, id, scopeOf(auth))) !== undefined);
}

export async function listQuotes(db: Db, auth: AuthContext, query: QuoteListQuery) {
  const after = decodeCursor(query.cursor, ['instant', 'uuid']) as [string, string] | null;
  const rows = await inTenant(db, auth, (tx) => q.listQuotes(tx, scopeOf(auth), query, after, query.limit));
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return { items: page.map(toSummary), nextCursor: rows.length > query.limit && last ? encodeCursor([String(last.created_at), last.id]) : null };
}

export async function quoteVersions(db: Db, auth: AuthContext, id: string) {
  return inTenant(db, auth, async (tx) => {
    const row = await loadVisible(tx, auth, id);
    return (await q.versionsOf(tx, id)).map((v) => ({
      id: v.id, seq: v.seq, contentHash: v.content_hash, amountInclTax: roundMoney(v.amount_incl_tax, row.currency), discountAmount: roundMoney(v.discount_amount, row.currency),
      approvalRequired: v.approval_required, approved: v.content_hash === row.approved_hash, createdBy: v.created_by ? { id: v.created_by, name: v.created_by_name ?? '' } : null,
      createdAt: String(v.created_at), lineCount: v.line_count,
    }));
  });
}

type Header = Omit<QuoteUpdate, 'version' | 'lines'>;

/**
 * Write the lines and price the quote once: a new version with its snapshot and hash, the promotion budgets reserved
 * for it (the previous version's released), and the approval state following the hash. Returns whether the content changed.
 */
async function priceTx(tx: Tx, auth: AuthContext, row: q.QuoteRow, header: Header, lines: QuoteLineBody[]): Promise<boolean> {
  const date = todayFor(auth);
  const terms = { customerId: row.customer_id, currency: row.currency, pricesIncludeTax: header.pricesIncludeTax, orderDiscountRate: dec(header.orderDiscountRate).toString(), rebateRequested: header.rebateRequested, validUntil: header.validUntil, title: header.title };
  const inputKey = contentHash({ terms, lines, date });
  const previous = await currentSnapshot(tx, row);
  if (previous && previous.inputKey === inputKey) return false;

  const expanded = await expandLines(tx, lines);
  await q.replaceLines(tx, auth.tenantId, row.id, expanded.rows);
  const priced = await priceAndReserveTx(tx, auth, {
    customerId: row.customer_id, date, currency: row.currency, pricesIncludeTax: header.pricesIncludeTax, lines: expanded.toPrice,
    orderDiscountRate: header.orderDiscountRate, rebateRequested: header.rebateRequested,
  }, row.id);
  const r = priced.result;
  checkBookable(r, expanded.meta);
  const snapLines = snapshotLines(r, expanded.meta, priced.skus);
  const content: Snapshot['content'] = { terms, entered: lines, lines: snapLines, totals: r.totals, rebate: r.rebate };
  const margins = r.lines.filter((l) => !l.gift && l.margin !== null).map((l) => dec(l.margin!));
  const facts = {
    amount: r.totals.amountInclTax, maxDiscount: maxDiscount(lines, header.orderDiscountRate), marginBelowFloor: r.approval.required,
    minMargin: margins.length ? margins.reduce((a, b) => (a.lt(b) ? a : b)).toString() : null,
  };
  const hash = contentHash(content);
  const snapshot: Snapshot = { content, date, inputKey, result: r, facts };
  const seq = await q.nextSeq(tx, row.id);
  const versionId = await q.insertVersion(tx, {
    tenantId: auth.tenantId, quoteId: row.id, seq, hash, snapshot, amountInclTax: r.totals.amountInclTax, discountAmount: r.totals.discountAmount,
    approvalRequired: r.approval.required, userId: auth.userId,
  });
  await priced.reserve(versionId);
  await q.setCurrentVersion(tx, row.id, versionId);

  // Approval follows the hash: content that is not the approved content needs approval (again).
  if (hash !== row.approved_hash && (row.status === 'pending_approval' || row.status === 'approved')) {
    await cancelPendingApproval(tx, auth, 'quote', row.id, `quote changed: version ${seq} (${hash.slice(0, 12)})`);
    await q.setStatus(tx, row.id, { status: 'draft' });
    await recordAudit(tx, auth, { action: 'update', entityType: 'quote', entityId: row.id, changes: [{ field: 'status', before: row.status, after: 'draft' }, { field: 'approval', before: row.approved_hash, after: 'needed again: content changed' }] });
  } else if (hash === row.approved_hash && row.status === 'draft') {
    await q.setStatus(tx, row.id, { status: 'approved' }); // back to exactly the content that was approved
  }
  await recordAudit(tx, auth, { action: 'price', entityType: 'quote', entityId: row.id, changes: [
    { field: 'version', before: row.seq, after: seq }, { field: 'contentHash', before: row.content_hash, after: hash },
    { field: 'amountInclTax', before: row.amount_incl_tax, after: r.totals.amountInclTax },
  ] });
  return true;
}

async function checkCustomer(tx: Tx, auth: AuthContext, customerId: string) {
  if (!(await q.customerFor(tx, customerId, auth.userId, auth.scope))) {
    throw quoteError('customer_not_found', undefined, { errors: [{ path: 'customerId', message: 'no such customer in your scope' }] });
  }
}

export async function createQuote(db: Db, auth: AuthContext, input: QuoteCreate): Promise<Quote> {
  return inTenant(db, auth, (tx) => createQuoteTx(tx, auth, input));
}

/**
 * A new draft quote, priced, in the caller's transaction. `opportunityId`: the opportunity it is made for (the
 * opportunity-to-quote flow checked the caller may see it); accepting the quote then wins that opportunity.
 */
export async function createQuoteTx(tx: Tx, auth: AuthContext, input: QuoteCreate, opportunityId: string | null = null): Promise<Quote> {
  await checkCustomer(tx, auth, input.customerId);
  const number = await nextDocNumber(tx, auth, 'BJ', Number(todayFor(auth).slice(0, 4)));
  const id = await q.insertQuote(tx, auth.tenantId, number, input.customerId, auth.userId, auth.userId, { ...input, currency: 'CNY' }, opportunityId);
  const row = (await q.findQuote(tx, id, q.anyScope, true))!;
  await recordAudit(tx, auth, { action: 'create', entityType: 'quote', entityId: id, before: null, after: { number, customerId: input.customerId, title: input.title, validUntil: input.validUntil, opportunityId } });
  await priceTx(tx, auth, row, input, input.lines);
  return toQuote(tx, (await q.findQuote(tx, id, q.anyScope))!);
}

export async function updateQuote(db: Db, auth: AuthContext, id: string, input: QuoteUpdate): Promise<Quote> {
  return inTenant(db, auth, async (tx) => {
    const row = await loadVisible(tx, auth, id, true);
    if (!(OPEN_STATUSES as readonly string[]).includes(row.status)) throw quoteError('not_editable');
    if (row.version !== input.version) throw commonError('version_conflict');
    const changed = canonicalJson({ t: row.title, v: row.valid_until, p: row.prices_include_tax, o: dec(row.order_discount_rate).toString(), r: row.rebate_requested, n: row.notes })
      !== canonicalJson({ t: input.title, v: input.validUntil, p: input.pricesIncludeTax, o: dec(input.orderDiscountRate).toString(), r: input.rebateRequested, n: input.notes });
    if (changed) await q.updateQuote(tx, id, { ...input, currency: row.currency });
    const fresh = (await q.findQuote(tx, id, q.anyScope))!;
    await priceTx(tx, auth, fresh, input, input.lines);
    return toQuote(tx, (await q.findQuote(tx, id, q.anyScope))!);
  });
}
