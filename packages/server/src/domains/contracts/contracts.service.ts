// Contract CRUD: data scope by owner, drafts editable with versions, lines and plan recomputed exactly on every save.
import { dec, roundMoney, type Contract, type ContractInput, type ContractListQuery, type ContractUpdate, type PlanTemplate } from '@l2c/shared';
import { inTenant, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { nextDocNumber } from '../../platform/sequences.js';
import { decodeCursor, encodeCursor } from '../../platform/cursor.js';
import { commonError } from '../../platform/errors.js';
import { todayFor } from '../../platform/clock.js';
import { contractError } from './contracts.errors.js';
import * as q from './contracts.sql.js';
import * as lq from './lifecycle.sql.js';
import { computeLines, computePlan, linesFromRows, planFromRows, templatePlan, trim, type PlanItem } from './terms.js';
import { catalogLines } from './catalog-lines.js';

export const LOCKED_STATUSES = ['signed', 'in_performance', 'completed', 'terminated'];

export function scopeOf(auth: AuthContext) {
  return q.contractScope(auth.userId, auth.scope);
}

export function toSummary(r: q.ContractRow) {
  return {
    id: r.id, number: r.number, kind: r.kind, title: r.title, status: r.status as Contract['status'],
    customer: { id: r.customer_id, name: r.customer_name }, framework: r.framework_id ? { id: r.framework_id, number: r.framework_number ?? '' } : null,
    currency: r.currency, pricesIncludeTax: r.prices_include_tax, amountExclTax: roundMoney(r.amount_excl_tax, r.currency),
    taxAmount: roundMoney(r.tax_amount, r.currency), amountInclTax: roundMoney(r.amount_incl_tax, r.currency),
    maxDiscountRate: trim(r.max_discount_rate, 0), paymentTermDays: r.payment_term_days, signedOn: r.signed_on,
    owner: r.owner_id ? { id: r.owner_id, name: r.owner_name ?? '' } : null, termsLocked: LOCKED_STATUSES.includes(r.status) && r.signed_on !== null,
    version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
    ...collection(r),
  };
}

/** Collected (payments written off against its receivables), still to collect and progress in percent (1 decimal). */
function collection(r: q.ContractRow) {
  const total = dec(r.amount_incl_tax);
  const collected = dec(r.amount_collected ?? '0');
  return {
    amountCollected: roundMoney(collected, r.currency), amountUncollected: roundMoney(total.minus(collected), r.currency),
    collectedPercent: total.isZero() ? null : collected.div(total).times(100).toDecimalPlaces(1).toFixed(1),
  };
}

/** The full contract: header, lines, plan (with the receivable each instalment produced), signed file, open amendment. */
export async function toContract(tx: Tx, r: q.ContractRow): Promise<Contract> {
  const [lines, plan, file, pendingAmendmentId] = [await q.linesOf(tx, r.id), await q.instalmentsOf(tx, r.id), await lq.signedFileOf(tx, r.signed_file_id), await lq.pendingAmendmentOf(tx, r.id)];
  return {
    ...toSummary(r),
    deliveryTerms: r.delivery_terms, paymentTerms: r.payment_terms, periodStart: r.period_start, periodEnd: r.period_end,
    productScope: r.product_scope, rebateTerms: r.rebate_terms, signatories: r.signatories, creditOverride: r.credit_override,
    signedFile: file ? { id: file.id, name: file.file_name, contentType: file.content_type, size: file.size_bytes, sha256: file.sha256 } : null,
    lines: lines.map((l) => ({
      id: l.id, lineNo: l.line_no, skuId: l.sku_id, productCode: l.product_code, description: l.description, quantity: trim(l.quantity, 0), unit: l.unit,
      unitPrice: trim(l.unit_price, 2), discountRate: trim(l.discount_rate, 0), taxRate: trim(l.tax_rate, 0),
      amountExclTax: roundMoney(l.amount_excl_tax, r.currency), taxAmount: roundMoney(l.tax_amount, r.currency), amountInclTax: roundMoney(l.amount_incl_tax, r.currency),
    })),
    instalments: plan.map((i) => ({
      id: i.id, seq: i.seq, trigger: i.trigger, dueDate: i.due_date, dueDaysAfterTrigger: i.due_days_after_trigger,
      percent: i.percent === null ? null : trim(i.percent, 0), amount: roundMoney(i.amount, r.currency), taxAmount: roundMoney(i.tax_amount, r.currency),
      method: i.method, owner: i.owner_id ? { id: i.owner_id, name: i.owner_name ?? '' } : null, milestone: i.milestone,
      triggeredOn: i.triggered_on, receivableId: i.receivable_id,
    })),
    pendingAmendmentId,
  };
}

/** The audited view: what a person reads in the history — terms, amounts, lines and plan in brief. */
export function auditView(c: Contract): Record<string, unknown> {
  return {
    number: c.number, kind: c.kind, title: c.title, status: c.status, customerId: c.customer.id, frameworkId: c.framework?.id ?? null,
    currency: c.currency, pricesIncludeTax: c.pricesIncludeTax, amountExclTax: c.amountExclTax, taxAmount: c.taxAmount, amountInclTax: c.amountInclTax,
    paymentTermDays: c.paymentTermDays, deliveryTerms: c.deliveryTerms, paymentTerms: c.paymentTerms, periodStart: c.periodStart, periodEnd: c.periodEnd,
    productScope: c.productScope, rebateTerms: c.rebateTerms, ownerId: c.owner?.id ?? null,
    lines: c.lines.map((l) => `${l.description} × ${l.quantity} @ ${l.unitPrice} −${l.discountRate} tax ${l.taxRate} = ${l.amountInclTax}`),
    instalments: c.instalments.map((i) => `${i.seq}. ${i.trigger}${i.dueDate ? ` ${i.dueDate}` : ''} ${i.percent ? `${i.percent}% ` : ''}${i.amount}`),
  };
}

export async function loadVisible(tx: Tx, auth: AuthContext, id: string, forUpdate = false): Promise<q.ContractRow> {
  const row = await q.findContract(tx, id, scopeOf(auth), forUpdate);
  if (!row) throw contractError('not_found');
  return row;
}

const SORT_KIND: Record<q.ContractSortKey, 'instant' | 'text' | 'decimal' | 'date'> = { createdAt: 'instant', number: 'text', amountInclTax: 'decimal', signedOn: 'date' } as const;

export async function listContracts(db: Db, auth: AuthContext, query: ContractListQuery) {
  const where = [scopeOf(auth), ...q.contractListWhere(query)];
  const desc = query.sort.startsWith('-');
  const order = q.CONTRACT_SORTS[query.sort.replace(/^-/, '') as q.ContractSortKey];
  const after = decodeCursor(query.cursor, [SORT_KIND[query.sort.replace(/^-/, '') as q.ContractSortKey], 'uuid']) as [unknown, string] | null;
  const rows = await inTenant(db, auth, (tx) => q.listContracts(tx, where, order, desc, after, query.limit));
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return { items: page.map(toSummary), nextCursor: rows.length > query.limit && last ? encodeCursor([last.sort_key, last.id]) : null };
}

export async function getContract(db: Db, auth: AuthContext, id: string): Promise<Contract> {
  return inTenant(db, auth, async (tx) => toContract(tx, await loadVisible(tx, auth, id)));
}

export async function canSeeContract(db: Db, auth: AuthContext, id: string): Promise<boolean> {
  return inTenant(db, auth, async (tx) => (await q.findContract(tx, id, scopeOf(auth))) !== undefined);
}

async function resolveOwner(tx: Tx, auth: AuthContext, requested: string | null | undefined, current: string | null): Promise<string> {
  if (requested === undefined || requested === null) return current ?? auth.userId;
  if (requested === current || requested === auth.userId) return requested;
  if (!(await q.userInScope(tx, requested, auth.userId, auth.scope))) {
    throw contractError('owner_not_found', undefined, { errors: [{ path: 'ownerId', message: 'not a user you may assign to' }] });
  }
  return requested;
}

async function checkParties(tx: Tx, auth: AuthContext, kind: string, customerId: string, frameworkId: string | null, plan: PlanItem[]) {
  if (!(await q.customerFor(tx, customerId, auth.userId, auth.scope))) {
    throw contractError('customer_not_found', undefined, { errors: [{ path: 'customerId', message: 'no such customer in your scope' }] });
  }
  if (frameworkId) {
    const f = await q.frameworkFor(tx, frameworkId, scopeOf(auth));
    if (kind !== 'order' || !f || f.kind !== 'framework' || f.customer_id !== customerId) {
      throw contractError('framework_invalid', undefined, { errors: [{ path: 'frameworkId', message: 'not a framework agreement of this customer' }] });
    }
  }
  if (kind === 'framework' && plan.length > 0) {
    throw commonError('invalid', 'A framework agreement has no payment plan; its order contracts do', { errors: [{ path: 'instalments', message: 'not allowed on a framework agreement' }] });
  }
  const owners = [...new Set(plan.map((p) => p.ownerId).filter((x): x is string => !!x))];
  const active = await q.usersActive(tx, owners);
  plan.forEach((p, i) => {
    if (p.ownerId && !active.has(p.ownerId)) throw commonError('invalid', 'Unknown instalment owner', { errors: [{ path: `instalments.${i}.ownerId`, message: 'no such active user' }] });
  });
}

function planOf(input: { instalments?: PlanItem[] | undefined; planTemplate?: string | null | undefined }, fallback: PlanItem[]): PlanItem[] {
  if (input.instalments && input.instalments.length > 0) return input.instalments;
  if (input.planTemplate) return templatePlan(input.planTemplate as PlanTemplate);
  return input.instalments ?? fallback;
}

export async function createContract(db: Db, auth: AuthContext, input: ContractInput, opts: { now?: Date } = {}): Promise<Contract> {
  return inTenant(db, auth, (tx) => createContractTx(tx, auth, input, opts));
}

/** createContract inside the caller's transaction: flows/opportunity-won drafts a won opportunity's order contract with it. */
export async function createContractTx(tx: Tx, auth: AuthContext, input: ContractInput, opts: { now?: Date } = {}): Promise<Contract> {
  const plan = planOf(input, []);
  await checkParties(tx, auth, input.kind, input.customerId, input.frameworkId, plan);
  const ownerId = await resolveOwner(tx, auth, input.ownerId, null);
  const computed = computeLines(input.kind, await catalogLines(tx, input.lines), input.pricesIncludeTax, input.currency);
  const instalments = computePlan(computed.totals.amountInclTax, computed.totals.taxAmount, plan, input.currency, ownerId);
  const number = await nextDocNumber(tx, auth, 'HT', todayFor(auth, opts.now));
  const id = await q.insertContract(tx, auth.tenantId, number, auth.userId, {
    kind: input.kind, customerId: input.customerId, frameworkId: input.frameworkId, title: input.title, currency: input.currency,
    pricesIncludeTax: input.pricesIncludeTax, ...computed.totals, maxDiscountRate: computed.maxDiscount, paymentTermDays: input.paymentTermDays,
    deliveryTerms: input.deliveryTerms, paymentTerms: input.paymentTerms, periodStart: input.periodStart, periodEnd: input.periodEnd,
    productScope: input.productScope, rebateTerms: input.rebateTerms, ownerId,
  });
  await q.replaceLines(tx, auth.tenantId, id, computed.lines);
  await q.replaceInstalments(tx, auth.tenantId, id, instalments);
  const created = await toContract(tx, (await q.findContract(tx, id, q.anyScope))!);
  await recordAudit(tx, auth, { action: 'create', entityType: 'contract', entityId: id, before: null, after: auditView(created) });
  return created;
}

export async function updateContract(db: Db, auth: AuthContext, id: string, patch: ContractUpdate): Promise<Contract> {
  return inTenant(db, auth, async (tx) => {
    const row = await loadVisible(tx, auth, id, true);
    if (row.signed_on !== null) throw contractError('terms_locked');
    if (row.status !== 'draft') throw contractError('not_editable');
    if (row.version !== patch.version) throw commonError('version_conflict');
    const before = await toContract(tx, row);
    const customerId = patch.customerId ?? row.customer_id;
    const frameworkId = patch.frameworkId !== undefined ? patch.frameworkId : row.framework_id;
    const currency = patch.currency ?? row.currency;
    const pricesIncludeTax = patch.pricesIncludeTax ?? row.prices_include_tax;
    const plan = planOf(patch, planFromRows(await q.instalmentsOf(tx, id), row.currency));
    await checkParties(tx, auth, row.kind, customerId, frameworkId, patch.instalments || patch.planTemplate ? plan : []);
    const ownerId = await resolveOwner(tx, auth, patch.ownerId, row.owner_id);
    const computed = computeLines(row.kind, patch.lines ? await catalogLines(tx, patch.lines) : linesFromRows(await q.linesOf(tx, id)), pricesIncludeTax, currency);
    const instalments = computePlan(computed.totals.amountInclTax, computed.totals.taxAmount, plan, currency, ownerId);
    const pick = <T>(v: T | undefined, old: T): T => (v !== undefined ? v : old);
    await q.updateContract(tx, id, {
      kind: row.kind, customerId, frameworkId, title: patch.title ?? row.title, currency, pricesIncludeTax, ...computed.totals,
      maxDiscountRate: computed.maxDiscount, paymentTermDays: patch.paymentTermDays ?? row.payment_term_days,
      deliveryTerms: pick(patch.deliveryTerms, row.delivery_terms), paymentTerms: pick(patch.paymentTerms, row.payment_terms),
      periodStart: pick(patch.periodStart, row.period_start), periodEnd: pick(patch.periodEnd, row.period_end),
      productScope: pick(patch.productScope, row.product_scope), rebateTerms: pick(patch.rebateTerms, row.rebate_terms), ownerId,
    });
    await q.replaceLines(tx, auth.tenantId, id, computed.lines);
    await q.replaceInstalments(tx, auth.tenantId, id, instalments);
    const after = await toContract(tx, (await q.findContract(tx, id, q.anyScope))!);
    await recordAudit(tx, auth, { action: 'update', entityType: 'contract', entityId: id, before: auditView(before), after: auditView(after) });
    return after;
  });
}
