// Pricing statements: price books and entries, promotions, budgets and their facts, surcharges, margin floors and
// rebate policies. The rule loader reads only what one quote can use: the entries of its own SKUs, the promotions
// valid on the pricing date, the surcharges and floors of its SKUs and categories.
import { sql } from 'kysely';
import type { DataScope } from '@l2c/shared';
import type { Tx } from '../../platform/db.js';

// ---- price books ----------------------------------------------------------------------------------------------------

function bookSelect(tx: Tx) {
  return tx.selectFrom('price_books as b')
    .leftJoin('customers as c', (j) => j.onRef('c.tenant_id', '=', 'b.tenant_id').onRef('c.id', '=', 'b.customer_id'))
    .leftJoin('customers as d', (j) => j.onRef('d.tenant_id', '=', 'b.tenant_id').onRef('d.id', '=', 'b.dealer_id'))
    .select(['b.id', 'b.code', 'b.name', 'b.currency', 'b.customer_id', 'b.dealer_id', 'b.channel', 'b.grade', 'b.region', 'b.priority',
      'b.valid_from', 'b.valid_to', 'b.active', 'b.version', 'b.created_at', 'c.name as customer_name', 'd.name as dealer_name'])
    .select(sql<number>`(select count(*)::int from price_book_entries e where e.book_id = b.id)`.as('entry_count'));
}
export type BookRow = Awaited<ReturnType<typeof findBook>> & object;

export async function listBooks(tx: Tx, q: string | null, limit: number) {
  let query = bookSelect(tx);
  if (q) query = query.where((eb) => eb.or([eb('b.code', 'ilike', `%${q}%`), eb('b.name', 'ilike', `%${q}%`)]));
  return query.orderBy('b.priority', 'desc').orderBy('b.code').limit(limit).execute();
}

export async function findBook(tx: Tx, id: string, forUpdate = false) {
  if (forUpdate) await tx.selectFrom('price_books').select('id').where('id', '=', id).forUpdate().execute();
  return bookSelect(tx).where('b.id', '=', id).executeTakeFirst();
}

export interface BookWrite {
  code: string; name: string; customerId: string | null; dealerId: string | null; channel: string | null; grade: string | null; region: string | null;
  priority: number; validFrom: string | null; validTo: string | null; active: boolean;
}
const bookCols = (w: BookWrite) => ({
  code: w.code, name: w.name, customer_id: w.customerId, dealer_id: w.dealerId, channel: w.channel, grade: w.grade, region: w.region,
  priority: w.priority, valid_from: w.validFrom, valid_to: w.validTo, active: w.active,
});

export async function insertBook(tx: Tx, tenantId: string, userId: string | null, w: BookWrite): Promise<string> {
  const r = await tx.insertInto('price_books').values({ tenant_id: tenantId, created_by: userId, ...bookCols(w) }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateBook(tx: Tx, id: string, w: BookWrite) {
  await tx.updateTable('price_books').set({ ...bookCols(w), version: sql`version + 1` }).where('id', '=', id).execute();
}

export async function entriesOfBook(tx: Tx, bookId: string, limit: number) {
  return tx.selectFrom('price_book_entries').selectAll().where('book_id', '=', bookId).orderBy('created_at').orderBy('id').limit(limit).execute();
}

export async function insertEntries(tx: Tx, tenantId: string, bookId: string, rows: Array<{ skuId: string; rule: unknown; validFrom: string | null; validTo: string | null }>): Promise<string[]> {
  if (rows.length === 0) return [];
  const r = await tx.insertInto('price_book_entries')
    .values(rows.map((e) => ({ tenant_id: tenantId, book_id: bookId, sku_id: e.skuId, rule: JSON.stringify(e.rule), valid_from: e.validFrom, valid_to: e.validTo })))
    .returning('id').execute();
  return r.map((x) => x.id);
}

export async function deleteEntry(tx: Tx, id: string) {
  return tx.deleteFrom('price_book_entries').where('id', '=', id).returning(['id', 'book_id', 'sku_id', 'rule']).executeTakeFirst();
}

export async function bookExists(tx: Tx, id: string): Promise<boolean> {
  return (await tx.selectFrom('price_books').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

// ---- promotions and budgets -------------------------------------------------------------------------------------------

function promotionSelect(tx: Tx) {
  return tx.selectFrom('promotions as p')
    .leftJoin('promotion_budgets as g', (j) => j.onRef('g.tenant_id', '=', 'p.tenant_id').onRef('g.id', '=', 'p.budget_id'))
    .select(['p.id', 'p.code', 'p.name', 'p.stacking_group', 'p.stacking', 'p.priority', 'p.scope', 'p.valid_from', 'p.valid_to', 'p.budget_id',
      'p.rule', 'p.active', 'p.version', 'p.created_at', 'g.code as budget_code']);
}
export type PromotionRow = Awaited<ReturnType<typeof listPromotions>>[number];

export async function listPromotions(tx: Tx, limit: number) {
  return promotionSelect(tx).orderBy('p.stacking_group').orderBy('p.priority', 'desc').orderBy('p.code').limit(limit).execute();
}

export async function findPromotion(tx: Tx, id: string, forUpdate = false) {
  if (forUpdate) await tx.selectFrom('promotions').select('id').where('id', '=', id).forUpdate().execute();
  return promotionSelect(tx).where('p.id', '=', id).executeTakeFirst();
}

export interface PromotionWrite {
  code: string; name: string; group: string; stacking: 'exclusive' | 'stackable' | 'best_of'; priority: number; scope: unknown; validFrom: string | null; validTo: string | null;
  budgetId: string | null; rule: unknown; active: boolean;
}
const promotionCols = (w: PromotionWrite) => ({
  code: w.code, name: w.name, stacking_group: w.group, stacking: w.stacking, priority: w.priority, scope: JSON.stringify(w.scope ?? {}),
  valid_from: w.validFrom, valid_to: w.validTo, budget_id: w.budgetId, rule: JSON.stringify(w.rule), active: w.active,
});

export async function insertPromotion(tx: Tx, tenantId: string, userId: string | null, w: PromotionWrite): Promise<string> {
  const r = await tx.insertInto('promotions').values({ tenant_id: tenantId, created_by: userId, ...promotionCols(w) }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updatePromotion(tx: Tx, id: string, w: PromotionWrite) {
  await tx.updateTable('promotions').set({ ...promotionCols(w), version: sql`version + 1` }).where('id', '=', id).execute();
}

/** Budgets with what is reserved (reservations not released or consumed) and consumed, from the facts. */
function budgetSelect(tx: Tx) {
  return tx.selectFrom('promotion_budgets as g')
    .select(['g.id', 'g.code', 'g.name', 'g.currency', 'g.amount', 'g.remaining', 'g.version'])
    .select(sql<string>`coalesce((select sum(case f.kind when 'consume' then f.amount else 0 end) from promotion_budget_facts f where f.budget_id = g.id), 0)::text`.as('consumed'));
}

export async function listBudgets(tx: Tx, limit: number) {
  return budgetSelect(tx).orderBy('g.code').limit(limit).execute();
}

export async function findBudget(tx: Tx, id: string) {
  return budgetSelect(tx).where('g.id', '=', id).executeTakeFirst();
}

export async function insertBudget(tx: Tx, tenantId: string, w: { code: string; name: string; amount: string }): Promise<string> {
  const r = await tx.insertInto('promotion_budgets').values({ tenant_id: tenantId, code: w.code, name: w.name, amount: w.amount, remaining: w.amount }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function topUpBudget(tx: Tx, id: string, amount: string) {
  await tx.updateTable('promotion_budgets').set({ amount: sql`amount + ${amount}::numeric`, remaining: sql`remaining + ${amount}::numeric`, version: sql`version + 1` }).where('id', '=', id).execute();
}

export async function budgetFacts(tx: Tx, budgetId: string, limit: number) {
  return tx.selectFrom('promotion_budget_facts as f')
    .innerJoin('quotes as q', (j) => j.onRef('q.tenant_id', '=', 'f.tenant_id').onRef('q.id', '=', 'f.quote_id'))
    .innerJoin('quote_versions as v', (j) => j.onRef('v.tenant_id', '=', 'f.tenant_id').onRef('v.id', '=', 'f.quote_version_id'))
    .select(['f.id', 'f.kind', 'f.amount', 'f.quote_id', 'q.number as quote_number', 'v.seq', 'f.created_at'])
    .where('f.budget_id', '=', budgetId).orderBy('f.created_at', 'desc').limit(limit).execute();
}

/**
 * Lock budget rows in id order (docs/adr/0004: after the quote, and after the customer when acceptance holds it) and
 * read what is left under the lock.
 */
export async function lockBudgets(tx: Tx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const r = await sql<{ id: string; remaining: string }>`select id, remaining::text as remaining from promotion_budgets
    where id = any(${[...ids].sort()}::uuid[]) order by id for update`.execute(tx);
  return new Map(r.rows.map((x) => [x.id, x.remaining]));
}

/** What is left in the budgets, read without a lock (a first pricing; the reservation re-reads under the lock). */
export async function budgetsRemaining(tx: Tx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const r = await tx.selectFrom('promotion_budgets').select(['id', sql<string>`remaining::text`.as('remaining')]).where('id', 'in', ids).execute();
  return new Map(r.map((x) => [x.id, x.remaining]));
}

/** Lower (negative delta) or raise what is left; the check constraint refuses going below zero. */
export async function moveRemaining(tx: Tx, id: string, delta: string) {
  await tx.updateTable('promotion_budgets').set({ remaining: sql`remaining + ${delta}::numeric` }).where('id', '=', id).execute();
}

export async function insertBudgetFact(tx: Tx, f: { tenantId: string; budgetId: string; quoteId: string; versionId: string; kind: 'reserve' | 'release' | 'consume'; amount: string; userId: string | null }): Promise<boolean> {
  const r = await sql`insert into promotion_budget_facts (tenant_id, budget_id, quote_id, quote_version_id, kind, amount, created_by)
    values (${f.tenantId}, ${f.budgetId}, ${f.quoteId}, ${f.versionId}, ${f.kind}, ${f.amount}::numeric, ${f.userId})
    on conflict (tenant_id, quote_version_id, budget_id, kind) do nothing`.execute(tx);
  return Number(r.numAffectedRows ?? 0) > 0;
}

/** A quote's reservations still open: reserved and neither released nor consumed, per version and budget. */
export async function openReservations(tx: Tx, quoteId: string) {
  const r = await sql<{ budget_id: string; quote_version_id: string; amount: string }>`
    select f.budget_id, f.quote_version_id, f.amount::text as amount from promotion_budget_facts f
    where f.quote_id = ${quoteId} and f.kind = 'reserve'
      and not exists (select 1 from promotion_budget_facts x where x.quote_version_id = f.quote_version_id and x.budget_id = f.budget_id and x.kind in ('release', 'consume'))
    order by f.budget_id`.execute(tx);
  return r.rows;
}

// ---- rules for the engine --------------------------------------------------------------------------------------------

export async function rebatePolicyFor(tx: Tx, grade: string | null) {
  return tx.selectFrom('rebate_policies').select(['grade', 'max_order_ratio', 'accrual_rate'])
    .where((eb) => eb.or([eb('grade', 'is', null), ...(grade ? [eb('grade', '=', grade)] : [])]))
    .orderBy(sql`grade is null`).limit(1).executeTakeFirst();
}

// ---- settings (replace-all lists) ----------------------------------------------------------------------------------------

export async function allSurcharges(tx: Tx) {
  return tx.selectFrom('price_surcharges').selectAll().orderBy('attribute').orderBy('value').execute();
}
export async function allFloors(tx: Tx) {
  return tx.selectFrom('margin_floors').selectAll().orderBy('category_id').execute();
}
export async function allRebatePolicies(tx: Tx) {
  return tx.selectFrom('rebate_policies').selectAll().orderBy('grade').execute();
}

export async function replaceSettings(tx: Tx, tenantId: string, s: {
  surcharges: Array<{ skuId: string | null; categoryId: string | null; attribute: string; value: string; amountPerUnit: string }>;
  marginFloors: Array<{ skuId: string | null; categoryId: string | null; minMargin: string }>;
  rebatePolicies: Array<{ grade: string | null; maxOrderRatio: string; accrualRate: string }>;
}) {
  await tx.deleteFrom('price_surcharges').execute();
  await tx.deleteFrom('margin_floors').execute();
  await tx.deleteFrom('rebate_policies').execute();
  if (s.surcharges.length) await tx.insertInto('price_surcharges').values(s.surcharges.map((x) => ({ tenant_id: tenantId, sku_id: x.skuId, category_id: x.categoryId, attribute: x.attribute, value: x.value, amount_per_unit: x.amountPerUnit }))).execute();
  if (s.marginFloors.length) await tx.insertInto('margin_floors').values(s.marginFloors.map((x) => ({ tenant_id: tenantId, sku_id: x.skuId, category_id: x.categoryId, min_margin: x.minMargin }))).execute();
  if (s.rebatePolicies.length) await tx.insertInto('rebate_policies').values(s.rebatePolicies.map((x) => ({ tenant_id: tenantId, grade: x.grade, max_order_ratio: x.maxOrderRatio, accrual_rate: x.accrualRate }))).execute();
}

/** Buyer facts of a customer in the caller's data scope (customers is read for grade and region: the engine's buyer). */
export async function buyerOf(tx: Tx, customerId: string, userId: string, scope: DataScope) {
  const r = await sql<{ id: string; name: string; grade: string | null; region: string | null }>`select c.id, c.name, c.grade, c.region from customers c
    where c.id = ${customerId} and (${scope} = 'all' or c.owner_id = any(array(select visible_owner_ids(${userId}::uuid, ${scope}))))`.execute(tx);
  return r.rows[0];
}

/** What the customer bought of each SKU on quotes accepted from `from` (null: ever) up to `to`, per cumulative promotion. */
export async function acceptedQuantities(tx: Tx, customerId: string, wanted: Array<{ id: string; skuId: string; from: string | null }>, to: string): Promise<Map<string, string>> {
  const r = await sql<{ id: string; n: string }>`select w.id, coalesce((select sum(l.quantity) from quote_lines l
      join quotes q on q.tenant_id = l.tenant_id and q.id = l.quote_id
      where l.sku_id = w.sku_id and q.customer_id = ${customerId} and q.status = 'accepted' and q.accepted_at < ${to}::date + 1
        and (w.from_date is null or q.accepted_at >= w.from_date)), 0)::text as n
    from unnest(${wanted.map((w) => w.id)}::text[], ${wanted.map((w) => w.skuId)}::uuid[], ${wanted.map((w) => w.from)}::date[]) as w(id, sku_id, from_date)`.execute(tx);
  return new Map(r.rows.map((x) => [x.id, x.n]));
}

// ---- the whole rule set, for the per-process cache (rules.cache.ts) ----

/** What changes when any rule changes: counts, versions and newest writes of every rule table, in one statement. */
export async function rulesSignature(tx: Tx): Promise<string> {
  const r = await sql<{ sig: string }>`select concat_ws('|',
      (select count(*) || ':' || coalesce(max(created_at)::text, '') from price_book_entries),
      (select count(*) || ':' || coalesce(sum(version), 0) || ':' || count(*) filter (where active) from price_books),
      (select count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(max(created_at)::text, '') from promotions),
      (select count(*) || ':' || coalesce(max(created_at)::text, '') || ':' || coalesce(sum(amount_per_unit), 0) from price_surcharges),
      (select count(*) || ':' || coalesce(sum(min_margin), 0) from margin_floors)) as sig`.execute(tx);
  return r.rows[0]!.sig;
}

/** Every entry of an active book, with the book's scope and priority (the engine checks the dates). */
export async function allEntries(tx: Tx) {
  const r = await sql<{ id: string; book_id: string; sku_id: string; rule: unknown; created_at: string; customer_id: string | null; dealer_id: string | null; channel: string | null; grade: string | null; region: string | null; priority: number; valid_from: string | null; valid_to: string | null }>`
    select e.id, e.book_id, e.sku_id, e.rule, to_char(e.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_at,
      b.customer_id, b.dealer_id, b.channel, b.grade, b.region, b.priority,
      to_char(greatest(e.valid_from, b.valid_from), 'YYYY-MM-DD') as valid_from, to_char(least(e.valid_to, b.valid_to), 'YYYY-MM-DD') as valid_to
    from price_book_entries e join price_books b on b.tenant_id = e.tenant_id and b.id = e.book_id where b.active`.execute(tx);
  return r.rows;
}

export async function activePromotions(tx: Tx) {
  return tx.selectFrom('promotions').select(['id', 'code', 'name', 'stacking_group', 'stacking', 'priority', 'scope', 'valid_from', 'valid_to', 'budget_id', 'rule'])
    .where('active', '=', true).execute();
}
