// Price books, promotions, budgets and settings as the pricing manager keeps them, and the "try a price" sandbox.
// Rules are tenant configuration (no data scope); every change is in the audit trail.
import { BOOK_CURRENCY, dec, type PriceBookInput, type PricingSettings, type PromotionInput, type TryPriceInput } from '@l2c/shared';
import { inTenant, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { commonError } from '../../platform/errors.js';
import { todayFor } from '../../platform/clock.js';
import { getSkusTx } from '../catalog/index.js';
import { pricingError } from './pricing.errors.js';
import { priceTx } from './price.service.js';
import * as q from './pricing.sql.js';

const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);
const day = (v: unknown) => (v === null || v === undefined ? null : String(v).slice(0, 10));

function toBook(r: NonNullable<Awaited<ReturnType<typeof q.findBook>>>) {
  return {
    id: r.id, code: r.code, name: r.name, currency: r.currency, customer: ref(r.customer_id, r.customer_name), dealer: ref(r.dealer_id, r.dealer_name),
    channel: r.channel, grade: r.grade, region: r.region, priority: r.priority, validFrom: day(r.valid_from), validTo: day(r.valid_to), active: r.active,
    entryCount: r.entry_count, version: r.version, createdAt: String(r.created_at),
  };
}

function checkDates(from: string | null, to: string | null) {
  if (from && to && to < from) throw pricingError('bad_dates', undefined, { errors: [{ path: 'validTo', message: 'before validFrom' }] });
}

async function uniqueCode<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if ((err as { code?: string }).code === '23505') throw pricingError('code_taken', undefined, { errors: [{ path: 'code', message: 'already used' }] });
    throw err;
  }
}

export async function listBooks(db: Db, auth: AuthContext, query: { q?: string | undefined; limit: number }) {
  return inTenant(db, auth, async (tx) => ({ items: (await q.listBooks(tx, query.q ?? null, query.limit)).map(toBook), nextCursor: null }));
}

async function bookDetail(tx: Tx, id: string) {
  const row = await q.findBook(tx, id);
  if (!row) throw pricingError('not_found');
  const entries = await q.entriesOfBook(tx, id, 5000);
  const skus = new Map((await getSkusTx(tx, [...new Set(entries.map((e) => e.sku_id))])).map((s) => [s.id, s]));
  return {
    ...toBook(row),
    entries: entries.map((e) => ({
      id: e.id, bookId: e.book_id, skuId: e.sku_id, skuCode: skus.get(e.sku_id)?.code ?? null, skuName: skus.get(e.sku_id)?.name ?? null,
      rule: e.rule, validFrom: day(e.valid_from), validTo: day(e.valid_to), createdAt: String(e.created_at),
    })),
  };
}

export async function getBook(db: Db, auth: AuthContext, id: string) {
  return inTenant(db, auth, (tx) => bookDetail(tx, id));
}

export async function createBook(db: Db, auth: AuthContext, input: PriceBookInput) {
  checkDates(input.validFrom, input.validTo);
  return uniqueCode(() => inTenant(db, auth, async (tx) => {
    const id = await q.insertBook(tx, auth.tenantId, auth.userId, input);
    const created = await bookDetail(tx, id);
    await recordAudit(tx, auth, { action: 'create', entityType: 'price_book', entityId: id, before: null, after: toBook((await q.findBook(tx, id))!) });
    return created;
  }));
}

export async function updateBook(db: Db, auth: AuthContext, id: string, input: PriceBookInput & { version: number }) {
  checkDates(input.validFrom, input.validTo);
  return uniqueCode(() => inTenant(db, auth, async (tx) => {
    const before = await q.findBook(tx, id, true);
    if (!before) throw pricingError('not_found');
    if (before.version !== input.version) throw commonError('version_conflict');
    await q.updateBook(tx, id, input);
    const after = (await q.findBook(tx, id))!;
    await recordAudit(tx, auth, { action: 'update', entityType: 'price_book', entityId: id, before: toBook(before), after: toBook(after) });
    return bookDetail(tx, id);
  }));
}

export async function addEntries(db: Db, auth: AuthContext, bookId: string, entries: Array<{ skuId: string; rule: { kind: string; bookId?: string }; validFrom: string | null; validTo: string | null }>) {
  return inTenant(db, auth, async (tx) => {
    if (!(await q.findBook(tx, bookId, true))) throw pricingError('not_found');
    const skus = new Set((await getSkusTx(tx, entries.map((e) => e.skuId))).map((s) => s.id));
    for (const [i, e] of entries.entries()) {
      checkDates(e.validFrom, e.validTo);
      if (!skus.has(e.skuId)) throw pricingError('sku_not_found', undefined, { errors: [{ path: `entries.${i}.skuId`, message: 'no such product in the catalog' }] });
      if (e.rule.kind === 'book_relative' && !(await q.bookExists(tx, e.rule.bookId!))) throw pricingError('book_not_found', undefined, { errors: [{ path: `entries.${i}.rule.bookId`, message: 'no such price book' }] });
    }
    const ids = await q.insertEntries(tx, auth.tenantId, bookId, entries);
    await recordAudit(tx, auth, { action: 'update', entityType: 'price_book', entityId: bookId, changes: [{ field: 'entries', before: null, after: entries.map((e, i) => ({ id: ids[i], skuId: e.skuId, rule: e.rule })) }] });
    return bookDetail(tx, bookId);
  });
}

export async function deleteEntry(db: Db, auth: AuthContext, entryId: string) {
  await inTenant(db, auth, async (tx) => {
    const gone = await q.deleteEntry(tx, entryId);
    if (!gone) throw pricingError('not_found');
    await recordAudit(tx, auth, { action: 'update', entityType: 'price_book', entityId: gone.book_id, changes: [{ field: 'entries', before: { id: gone.id, skuId: gone.sku_id, rule: gone.rule }, after: null }] });
  });
}

function toPromotion(r: q.PromotionRow) {
  return {
    id: r.id, code: r.code, name: r.name, group: r.stacking_group, stacking: r.stacking, priority: r.priority, scope: r.scope ?? {},
    validFrom: day(r.valid_from), validTo: day(r.valid_to), budgetId: r.budget_id, budgetCode: r.budget_code, rule: r.rule, active: r.active, version: r.version, createdAt: String(r.created_at),
  };
}

export async function listPromotions(db: Db, auth: AuthContext, limit: number) {
  return inTenant(db, auth, async (tx) => ({ items: (await q.listPromotions(tx, limit)).map(toPromotion), nextCursor: null }));
}

async function checkPromotion(tx: Tx, input: PromotionInput) {
  checkDates(input.validFrom, input.validTo);
  if (input.budgetId && !(await q.findBudget(tx, input.budgetId))) throw pricingError('budget_not_found', undefined, { errors: [{ path: 'budgetId', message: 'no such budget' }] });
  const r = input.rule;
  const named = r.kind === 'combo' ? r.items.map((i) => i.productId) : r.kind === 'threshold' ? [] : ['productId' in r.target ? r.target.productId : undefined, r.kind === 'gift' ? r.giftProductId : undefined].filter((x): x is string => !!x);
  const found = new Set((await getSkusTx(tx, named)).map((s) => s.id));
  const missing = named.find((id) => !found.has(id));
  if (missing) throw pricingError('sku_not_found', undefined, { errors: [{ path: 'rule', message: `no product ${missing} in the catalog` }] });
}

export async function createPromotion(db: Db, auth: AuthContext, input: PromotionInput) {
  return uniqueCode(() => inTenant(db, auth, async (tx) => {
    await checkPromotion(tx, input);
    const id = await q.insertPromotion(tx, auth.tenantId, auth.userId, input);
    const created = toPromotion((await q.findPromotion(tx, id))!);
    await recordAudit(tx, auth, { action: 'create', entityType: 'promotion', entityId: id, before: null, after: created });
    return created;
  }));
}

export async function updatePromotion(db: Db, auth: AuthContext, id: string, input: PromotionInput & { version: number }) {
  return uniqueCode(() => inTenant(db, auth, async (tx) => {
    const before = await q.findPromotion(tx, id, true);
    if (!before) throw pricingError('not_found');
    if (before.version !== input.version) throw commonError('version_conflict');
    await checkPromotion(tx, input);
    await q.updatePromotion(tx, id, input);
    const after = toPromotion((await q.findPromotion(tx, id))!);
    await recordAudit(tx, auth, { action: 'update', entityType: 'promotion', entityId: id, before: toPromotion(before), after });
    return after;
  }));
}

function toBudget(r: NonNullable<Awaited<ReturnType<typeof q.findBudget>>>) {
  const reserved = dec(r.amount).minus(r.remaining).minus(r.consumed);
  return { id: r.id, code: r.code, name: r.name, currency: r.currency, amount: dec(r.amount).toFixed(2), remaining: dec(r.remaining).toFixed(2), reserved: reserved.toFixed(2), consumed: dec(r.consumed).toFixed(2), version: r.version };
}

export async function listBudgets(db: Db, auth: AuthContext) {
  return inTenant(db, auth, async (tx) => ({ items: (await q.listBudgets(tx, 500)).map(toBudget), nextCursor: null }));
}

export async function getBudget(db: Db, auth: AuthContext, id: string) {
  return inTenant(db, auth, async (tx) => {
    const r = await q.findBudget(tx, id);
    if (!r) throw pricingError('not_found');
    const facts = await q.budgetFacts(tx, id, 200);
    return { ...toBudget(r), facts: facts.map((f) => ({ id: f.id, kind: f.kind as 'reserve', amount: dec(f.amount).toFixed(2), quoteId: f.quote_id, quoteNumber: f.quote_number, versionSeq: f.seq, createdAt: String(f.created_at) })) };
  });
}

export async function createBudget(db: Db, auth: AuthContext, input: { code: string; name: string; amount: string }) {
  return uniqueCode(() => inTenant(db, auth, async (tx) => {
    const id = await q.insertBudget(tx, auth.tenantId, input);
    const created = toBudget((await q.findBudget(tx, id))!);
    await recordAudit(tx, auth, { action: 'create', entityType: 'promotion_budget', entityId: id, before: null, after: created });
    return created;
  }));
}

/** Raise a budget: the amount and what is left grow together (a budget is never cut below what quotes reserved). */
export async function topUpBudget(db: Db, auth: AuthContext, id: string, input: { amount: string; version: number }) {
  return inTenant(db, auth, async (tx) => {
    const locked = await q.lockBudgets(tx, [id]);
    const before = await q.findBudget(tx, id);
    if (!before || !locked.has(id)) throw pricingError('not_found');
    if (before.version !== input.version) throw commonError('version_conflict');
    await q.topUpBudget(tx, id, input.amount);
    const after = toBudget((await q.findBudget(tx, id))!);
    await recordAudit(tx, auth, { action: 'update', entityType: 'promotion_budget', entityId: id, changes: [{ field: 'amount', before: toBudget(before).amount, after: after.amount }] });
    return after;
  });
}

export async function getSettings(db: Db, auth: AuthContext): Promise<PricingSettings> {
  return inTenant(db, auth, async (tx) => ({
    surcharges: (await q.allSurcharges(tx)).map((s) => ({ skuId: s.sku_id, categoryId: s.category_id, attribute: s.attribute, value: s.value, amountPerUnit: dec(s.amount_per_unit).toString() })),
    marginFloors: (await q.allFloors(tx)).map((f) => ({ skuId: f.sku_id, categoryId: f.category_id, minMargin: dec(f.min_margin).toString() })),
    rebatePolicies: (await q.allRebatePolicies(tx)).map((p) => ({ grade: p.grade, maxOrderRatio: dec(p.max_order_ratio).toString(), accrualRate: dec(p.accrual_rate).toString() })),
  }));
}

export async function putSettings(db: Db, auth: AuthContext, input: PricingSettings): Promise<PricingSettings> {
  const bad = [...input.surcharges.map((s, i) => ['surcharges', i, s] as const), ...input.marginFloors.map((s, i) => ['marginFloors', i, s] as const)]
    .find(([, , s]) => (s.skuId === null) === (s.categoryId === null));
  if (bad) throw commonError('invalid', 'Name a product or a category, not both', { errors: [{ path: `${bad[0]}.${bad[1]}.skuId`, message: 'give skuId or categoryId' }] });
  const before = await getSettings(db, auth);
  await inTenant(db, auth, async (tx) => {
    try {
      await q.replaceSettings(tx, auth.tenantId, input);
    } catch (err) {
      if ((err as { code?: string }).code === '23505') throw commonError('invalid', 'Listed twice', { errors: [{ path: 'marginFloors', message: 'one floor per product or category, one rebate policy per grade' }] });
      throw err;
    }
    await recordAudit(tx, auth, { action: 'update', entityType: 'pricing_settings', entityId: auth.tenantId, before, after: input });
  });
  return getSettings(db, auth);
}

/** The sandbox: price lines for a customer on a date without keeping anything, and return the engine's trace. */
export async function tryPrice(db: Db, auth: AuthContext, input: TryPriceInput) {
  return inTenant(db, auth, async (tx) => {
    const priced = await priceTx(tx, auth, {
      customerId: input.customerId, date: input.date ?? todayFor(auth), currency: BOOK_CURRENCY, pricesIncludeTax: input.pricesIncludeTax,
      lines: input.lines.map((l, i) => ({ lineId: l.lineId ?? `L${i + 1}`, skuId: l.skuId, quantity: l.quantity, attributes: l.attributes, discountRate: l.discountRate })),
      orderDiscountRate: input.orderDiscountRate, rebateRequested: input.rebateRequested,
    });
    return { result: priced.result, ruleCounts: priced.ruleCounts };
  });
}
