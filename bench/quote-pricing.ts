// Quote pricing through the server (issue 11 item 7; alone: `npx tsx bench/quote-pricing.ts`, on PostgreSQL with
// DATABASE_URL set). bench/pricing.ts times the pure engine; this one times what a rep waits for: a
// BENCH_QP_LINES-line quote (300) priced by the API against BENCH_QP_ENTRIES price-book entries (20,000) and
// BENCH_QP_PROMOTIONS promotions (200) kept in the database —
//   (a) POST /pricing/try: load the rules this quote can use from the database, price once, answer with every trace;
//   (b) PUT /quotes/{id}: the same plus writing the lines, the version snapshot with its hash and the budget
//       reservations under the budget rows' lock (each save changes a quantity, so each is priced);
//   (c) in the same run and on the same rules as the server loaded them, the naive evaluation (every rule against
//       every line) in-process — the "bare" column — and the indexed engine alone, for where the time goes.
// The seed is written as the owner role in bulk (it is a bench's seed, not a story); prices come from a seeded
// generator so every run prices the same quote.
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { priceQuote } from '../packages/shared/src/pricing/index.js';
import { createApp } from '../packages/server/src/app.js';
import { asSystem, inTenant, openDb } from '../packages/server/src/platform/db.js';
import { hashPassword } from '../packages/server/src/domains/identity/index.js';
import { createTenant } from '../packages/server/src/domains/workspace/index.js';
import { loadPricingTx } from '../packages/server/src/domains/pricing/price.service.js';
import { envInt, httpJson, log, table, seededRandom } from './lib.js';
import { recordFigure } from './figures.js';

const LINES = envInt('BENCH_QP_LINES', 300);
const ENTRIES = envInt('BENCH_QP_ENTRIES', 20_000);
const PROMOTIONS = envInt('BENCH_QP_PROMOTIONS', 200);
const RUNS = envInt('BENCH_QP_RUNS', 20);
const SAVES = envInt('BENCH_QP_SAVES', 10);
const TARGET_MS = 50;
const PER_SKU = 10;
const SKUS = Math.ceil(ENTRIES / PER_SKU);
const LINES_OF_PRODUCTS = 50;
// How many of the twenty 满减 (threshold) promotions cover the whole order; the others are 满减 of product lines this
// quote has none of. As in bench/pricing.ts (BENCH_PRICING_ORDER_WIDE): each order-wide one that applies is spread
// over every line, the one cost that grows with the order; 2 is the standard mix, 20 the stress case.
const ORDER_WIDE = envInt('BENCH_QP_ORDER_WIDE', 2);

const rng = seededRandom;
const rand = rng(7);
const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
const yuan = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const p95 = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]!; };

const db = await openDb({ databaseUrl: process.env.DATABASE_URL ?? null, dataDir: 'memory://', poolSize: 8 });
const l2c = await createApp({ logLevel: 'warn', jobs: false, demo: false, webDist: null, adminEmail: null, adminPassword: null }, { db });
await l2c.app.listen({ port: 0, host: '127.0.0.1' });
const addr = l2c.app.server.address();
const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/api/v1`;
const slug = `bench-qp-${Date.now().toString(36)}`;
const t = await createTenant(db, { slug, name: '报价压测', settings: {}, admin: { email: `admin@${slug}.test`, name: 'admin', passwordHash: await hashPassword('bench-pass-1') } });
const token = (await httpJson(`${base}/auth/login`, { method: 'POST', body: { email: `admin@${slug}.test`, password: 'bench-pass-1' } })).body.token as string;
const auth = { authorization: `Bearer ${token}` };

log(`quote pricing: seeding ${SKUS} SKUs, ${ENTRIES} entries, ${PROMOTIONS} promotions (${db.kind})`);
const seeded = performance.now();
const ids = await asSystem(db, async (tx) => {
  const tenant = t.tenantId;
  const unit = (await sql<{ id: string }>`insert into catalog_units (tenant_id, code, name) values (${tenant}, 'pc', '台') returning id`.execute(tx)).rows[0]!.id;
  const lines = (await sql<{ id: string }>`insert into product_lines (tenant_id, code, name) select ${tenant}, 'PL' || g, '产品线 ' || g from generate_series(1, ${LINES_OF_PRODUCTS}) g returning id`.execute(tx)).rows.map((r) => r.id);
  const spu = (await sql<{ id: string }>`insert into spus (tenant_id, code, name, kind, base_unit_id, product_line_id, tax_rate) values (${tenant}, 'BENCH', '压测产品', 'goods', ${unit}, ${lines[0]}, 0.13) returning id`.execute(tx)).rows[0]!.id;
  const prices = Array.from({ length: SKUS }, () => int(1_000, 100_000));
  const skus = (await sql<{ id: string }>`insert into skus (tenant_id, spu_id, code, name, list_price, cost, variant_key)
    select ${tenant}, ${spu}, 'SKU-' || lpad(g::text, 5, '0'), '压测产品 ' || g, (${prices}::int[])[g] / 100.0, (${prices}::int[])[g] / 160.0, 'v' || g
    from generate_series(1, ${SKUS}) g order by g returning id`.execute(tx)).rows.map((r) => r.id);
  // Products spread over the product lines (the promotions' categories): the SPU says one, so give each SKU's own SPU? The
  // engine's category is the SKU's product line through its SPU — one SPU here, so category rules hit every line.
  const books = (await sql<{ id: string }>`insert into price_books (tenant_id, code, name, grade, region, priority)
    select ${tenant}, 'BOOK-' || g, '价目表 ' || g, case when g % 3 = 1 then 'A' end, case when g % 3 = 2 then 'east' end, g % 4 from generate_series(1, ${PER_SKU}) g returning id`.execute(tx)).rows.map((r) => r.id);
  const entries = Array.from({ length: ENTRIES }, (_, i) => {
    const k = i % PER_SKU;
    const price = prices[Math.floor(i / PER_SKU) % SKUS]!;
    const rule = k === 1 ? { kind: 'tiers', mode: i % 2 ? 'range' : 'slab', tiers: [{ upTo: '10', unitPrice: yuan(price) }, { upTo: null, unitPrice: yuan(Math.round(price * 0.9)) }] }
      : k === 8 ? { kind: 'cost_plus', factor: '1.3' } : { kind: 'fixed', unitPrice: yuan(Math.round(price * (1 - k / 100))) };
    return { book: books[k]!, sku: skus[Math.floor(i / PER_SKU) % SKUS]!, rule: JSON.stringify(rule) };
  });
  await sql`insert into price_book_entries (tenant_id, book_id, sku_id, rule, created_at)
    select ${tenant}, b, s, r::jsonb, now() - (n || ' seconds')::interval from unnest(${entries.map((e) => e.book)}::uuid[], ${entries.map((e) => e.sku)}::uuid[], ${entries.map((e) => e.rule)}::text[]) with ordinality as x(b, s, r, n)`.execute(tx);
  const budgets = (await sql<{ id: string }>`insert into promotion_budgets (tenant_id, code, name, amount, remaining)
    select ${tenant}, 'BUD-' || g, '预算 ' || g, 100000000, 100000000 from generate_series(1, 5) g returning id`.execute(tx)).rows.map((r) => r.id);
  const promos = Array.from({ length: PROMOTIONS }, (_, i) => {
    const target = { productId: skus[int(0, SKUS - 1)]! };
    const kind = i % 10;
    const rule = kind < 5 ? { kind: 'item', target, percentOff: `0.0${int(1, 9)}` }
      : kind === 5 ? { kind: 'cumulative', target, minQuantity: '100', percentOff: '0.03' }
      : kind === 6 ? { kind: 'combo', items: [{ productId: skus[int(0, SKUS - 1)]!, quantity: '1' }, { productId: skus[int(0, SKUS - 1)]!, quantity: '2' }], amountOffPerSet: yuan(int(1_000, 10_000)) }
      : kind === 7 ? { kind: 'threshold', minAmount: yuan(int(100_000, 1_000_000)), amountOff: yuan(int(5_000, 50_000)), ...(Math.floor(i / 10) < ORDER_WIDE ? {} : { categoryId: lines[1 + (i % (LINES_OF_PRODUCTS - 1))]! }) }
      : kind === 8 ? { kind: 'item', target, amountOffPerUnit: yuan(int(100, 2_000)), minQuantity: '5' }
      : { kind: 'gift', target, buyQuantity: '10', giftProductId: skus[int(0, SKUS - 1)]!, giftQuantity: '1' };
    return { code: `PR-${i}`, group: `G-${i % 12}`, stacking: ['stackable', 'best_of', 'exclusive', 'stackable'][(i % 12) % 4]!, budget: i % 4 === 0 ? budgets[i % 5]! : null, rule: JSON.stringify(rule) };
  });
  await sql`insert into promotions (tenant_id, code, name, stacking_group, stacking, priority, budget_id, rule)
    select ${tenant}, c, c, g, s, 0, b, r::jsonb from unnest(${promos.map((p) => p.code)}::text[], ${promos.map((p) => p.group)}::text[], ${promos.map((p) => p.stacking)}::text[],
      ${promos.map((p) => p.budget)}::uuid[], ${promos.map((p) => p.rule)}::text[]) as x(c, g, s, b, r)`.execute(tx);
  await sql`insert into rebate_policies (tenant_id, grade, max_order_ratio, accrual_rate) values (${tenant}, null, 0.05, 0.01)`.execute(tx);
  await sql`analyze price_book_entries; analyze promotions; analyze skus`.execute(tx);
  return { skus };
});
log(`seeded in ${Math.round(performance.now() - seeded)} ms`);

const customer = (await httpJson(`${base}/customers`, { method: 'POST', headers: auth, body: { name: '压测客户有限公司', allowDuplicate: true, grade: 'A', region: 'east' } })).body;
const lines = Array.from({ length: LINES }, () => ({ skuId: ids.skus[int(0, ids.skus.length - 1)]!, quantity: String([1, 2, 5, 10, 11, 20, 50, 100][int(0, 7)]) }));

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const s = performance.now();
  const r = await fn();
  return [performance.now() - s, r];
}

// (a) the sandbox through the API
const tryBody = { customerId: customer.id, lines };
for (let i = 0; i < 3; i++) await httpJson(`${base}/pricing/try`, { method: 'POST', headers: auth, body: tryBody }); // warm-up
const tries: number[] = [];
let tried: { result: { lines: unknown[]; totals: { amountInclTax: string } }; ruleCounts: { entries: number; promotions: number } } | undefined;
for (let i = 0; i < RUNS; i++) {
  const [ms, res] = await timed(() => httpJson(`${base}/pricing/try`, { method: 'POST', headers: auth, body: tryBody }));
  if (res.status !== 200) throw new Error(`try: ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
  tries.push(ms);
  tried = res.body;
}

// (a′) the same request through the server's whole pipeline in-process (Fastify's inject: body parse and validation,
// authentication, load, price, the answer serialized) — the server's own time, without the socket and without the
// client parsing the half-megabyte answer
const injected: number[] = [];
const tryPayload = JSON.stringify(tryBody);
for (let i = 0; i < RUNS; i++) {
  const [ms, res] = await timed(() => l2c.app.inject({ method: 'POST', url: '/api/v1/pricing/try', headers: { ...auth, 'content-type': 'application/json' }, payload: tryPayload }));
  if (res.statusCode !== 200) throw new Error(`try (inject): ${res.statusCode} ${res.body.slice(0, 500)}`);
  injected.push(ms);
}
const answerBytes = Buffer.byteLength(JSON.stringify(tried));

// (b) a quote saved (priced, versioned, budgets reserved) through the API
const quoteLines = lines.map((l) => ({ ...l, skuId: l.skuId, discountRate: '0' }));
let quote = (await httpJson(`${base}/quotes`, { method: 'POST', headers: auth, body: { customerId: customer.id, title: '压测报价', validUntil: '2099-12-31', lines: quoteLines } })).body;
if (!quote.id) throw new Error(`create quote: ${JSON.stringify(quote).slice(0, 500)}`);
const saves: number[] = [];
for (let i = 0; i < SAVES; i++) {
  const changed = quoteLines.map((l, k) => (k === i % LINES ? { ...l, quantity: String(Number(l.quantity) + i + 1) } : l));
  const [ms, res] = await timed(() => httpJson(`${base}/quotes/${quote.id}`, { method: 'PUT', headers: auth, body: { title: '压测报价', validUntil: '2099-12-31', lines: changed, version: quote.version } }));
  if (res.status !== 200) throw new Error(`save: ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
  saves.push(ms);
  quote = res.body;
}

// (c) the same rules as the server loads them, priced in-process: indexed and naive
const actor = { tenantId: t.tenantId, userId: t.adminId, scope: 'all' as const, requestId: 'bench' };
const loads: number[] = [];
let loaded = await inTenant(db, actor, (tx) => loadPricingTx(tx, actor, { customerId: customer.id, date: new Date().toISOString().slice(0, 10), currency: 'CNY', pricesIncludeTax: true, lines: lines.map((l, i) => ({ lineId: `L${i + 1}`, ...l })) }));
for (let i = 0; i < 5; i++) {
  const [ms, r] = await timed(() => inTenant(db, actor, (tx) => loadPricingTx(tx, actor, { customerId: customer.id, date: new Date().toISOString().slice(0, 10), currency: 'CNY', pricesIncludeTax: true, lines: lines.map((l, k) => ({ lineId: `L${k + 1}`, ...l })) })));
  loads.push(ms);
  loaded = r;
}
const engine: number[] = [];
const naive: number[] = [];
let indexed = priceQuote(loaded.input, loaded.rules, { index: loaded.index });
let bare = indexed;
for (let i = 0; i < RUNS; i++) { const s = performance.now(); indexed = priceQuote(loaded.input, loaded.rules, { index: loaded.index }); engine.push(performance.now() - s); }
for (let i = 0; i < 3; i++) { const s = performance.now(); bare = priceQuote(loaded.input, loaded.rules, { naive: true }); naive.push(performance.now() - s); }
if (JSON.stringify(bare) !== JSON.stringify(indexed)) throw new Error('the naive evaluation priced differently');

console.log(`\nQuote pricing through the server (${db.kind}) — ${ORDER_WIDE} of the 满减 promotions order-wide; ${LINES} lines, ${ENTRIES} entries in the database (the rule set cached and indexed once: ${tried!.ruleCounts.entries} entries), ${tried!.ruleCounts.promotions} promotions; ${tried!.result.lines.length} priced lines, total ${tried!.result.totals.amountInclTax}; naive result identical: yes`);
console.log(table(['case', 'runs', 'p50 ms', 'p95 ms', 'vs naive (p50)'], [
  ['POST /pricing/try (load rules + price + answer)', tries.length, median(tries), p95(tries), (median(tries) / median(naive)).toFixed(3)],
  [`same, in the server (inject: no socket, no client parse of ${Math.round(answerBytes / 1024)} kB)`, injected.length, median(injected), p95(injected), (median(injected) / median(naive)).toFixed(3)],
  ['PUT /quotes/{id} (price + version + reserve)', saves.length, median(saves), p95(saves), (median(saves) / median(naive)).toFixed(3)],
  ['load a quote\'s pricing input (rules cached) in-process', loads.length, median(loads), p95(loads), (median(loads) / median(naive)).toFixed(3)],
  ['engine alone, index reused (in-process)', engine.length, median(engine), p95(engine), (median(engine) / median(naive)).toFixed(3)],
  ['naive: every rule against every line (in-process)', naive.length, median(naive), p95(naive), '1'],
]));
const figure = `${LINES}-line quote through the API, ${ENTRIES / 1000}k entries and ${PROMOTIONS} promotions in the database`;
recordFigure({ bench: 'quote-pricing', figure: `${figure}: POST /pricing/try (p50; bare = naive in-process)`, api: median(tries), sql: median(naive), unit: 'ms', target: `< ${TARGET_MS} ms`, met: median(tries) < TARGET_MS, database: db.kind });
recordFigure({ bench: 'quote-pricing', figure: `${figure}: POST /pricing/try in the server (inject; p50; bare = naive in-process)`, api: median(injected), sql: median(naive), unit: 'ms', target: `< ${TARGET_MS} ms`, met: median(injected) < TARGET_MS, database: db.kind });
recordFigure({ bench: 'quote-pricing', figure: `${figure}: PUT /quotes/{id} (p50; bare = naive in-process)`, api: median(saves), sql: median(naive), unit: 'ms', target: `< ${TARGET_MS} ms`, met: median(saves) < TARGET_MS, database: db.kind });
await l2c.close();
await db.close();
