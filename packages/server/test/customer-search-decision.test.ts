// The broad-term decision remembered in the process (search-broad.ts, issue 13 item 1): whether a term is broad only
// chooses the plan, so the rows and their order must not depend on it — not when the term turns broad between two
// searches, not when a remembered "broad" has gone stale, not when a walk through the pages switches plan halfway.
// The expected lists are computed here from the rows this test wrote.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { asSystem, type Db } from '../src/platform/db.js';
import { backfillSearchKeys } from '../src/domains/customers/index.js';
import { BROAD_TERM_MATCHES } from '../src/domains/customers/search.sql.js';
import { searchTerm } from '../src/domains/customers/search-keys.js';
import { forgetBroadTerms, knownBroad, rememberBroad } from '../src/domains/customers/search-broad.js';
import { login, makeTenant, testApp, type Client, type TestTenant } from './helpers.js';

const TERM = '远帆';
let db: Db;
let t: TestTenant;
let admin: Client;
let repNorth: Client;
interface Row { name: string; createdAt: number; owner: 'east' | 'north'; bulk: boolean }
let rows: Row[] = [];
let inserted = 0;

type Page = { status: number; body: { items: Array<{ name: string }>; nextCursor: string | null } };
async function allPages(c: Client, extra = '', between?: (page: number) => void): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 100; i++) {
    const res: Page = await c.get(`/api/v1/customers?q=${encodeURIComponent(TERM)}&limit=7${extra}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status).toBe(200);
    seen.push(...res.body.items.map((x) => x.name));
    cursor = res.body.nextCursor;
    if (!cursor) break;
    between?.(i);
  }
  return seen;
}

/** The rule: 0 exact name, 1 name prefix, 2 contains; then newest first (or by name). */
function expected(filter: (r: Row) => boolean, sort: 'newest' | 'name' = 'newest'): string[] {
  const rank = (r: Row) => (r.name === TERM ? 0 : r.name.startsWith(TERM) ? 1 : 2);
  const bySort = sort === 'newest' ? (a: Row, b: Row) => b.createdAt - a.createdAt : (a: Row, b: Row) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return rows.filter((r) => r.name.includes(TERM)).filter(filter).sort((a, b) => rank(a) - rank(b) || bySort(a, b)).map((r) => r.name);
}

async function insert(add: Row[]) {
  const owners = { east: t.users.repEast.id, north: t.users.repNorth.id };
  await asSystem(db, (tx) => sql`insert into customers (tenant_id, number, name, name_key, owner_id, owner_since, created_at, updated_at)
    select ${t.tenantId}::uuid, 'KH-D-' || lpad((${inserted}::int + n)::text, 6, '0'), name, name, owner, created_at, created_at, created_at
    from unnest(${add.map((r) => r.name)}::text[], ${add.map((r) => owners[r.owner])}::uuid[],
      ${add.map((r) => new Date(r.createdAt).toISOString())}::timestamptz[]) with ordinality as v(name, owner, created_at, n)`.execute(tx));
  inserted += add.length;
  rows.push(...add);
  await backfillSearchKeys(db);
  await asSystem(db, (tx) => sql`analyze customers`.execute(tx));
}

const base = Date.UTC(2025, 0, 1);
beforeAll(async () => {
  const h = await testApp();
  db = h.db;
  t = await makeTenant(h.db);
  [admin, repNorth] = await Promise.all([login(h.baseUrl, t.users.admin), login(h.baseUrl, t.users.repNorth)]);
  const few: Row[] = [];
  for (let i = 0; i < 40; i++) few.push({ name: `${String((i * 31) % 40).padStart(3, '0')}${TERM}物流有限公司`, createdAt: base + i * 3_600_000, owner: i % 3 === 0 ? 'north' : 'east', bulk: false });
  few.push({ name: TERM, createdAt: base - 86_400_000, owner: 'east', bulk: false });
  few.push({ name: `${TERM}精密机械有限公司`, createdAt: base - 2 * 86_400_000, owner: 'north', bulk: false });
  few.push({ name: '云帆科技有限公司', createdAt: base, owner: 'east', bulk: false }); // shares a character, not the term
  await insert(few);
  forgetBroadTerms();
}, 60_000);

const remembered = () => knownBroad(t.tenantId, searchTerm(TERM));

describe('the remembered broad-term decision', () => {
  it('a narrow term: counted on every search, never remembered, pages by the rule', async () => {
    expect(await allPages(admin)).toEqual(expected(() => true));
    expect(remembered()).toBeNull();
  });

  it('a walk that switches plan halfway (narrow, then told broad) gives every row once, in order', async () => {
    forgetBroadTerms();
    const seen = await allPages(admin, '', (page) => { if (page === 1) rememberBroad(t.tenantId, searchTerm(TERM), true); });
    expect(seen).toEqual(expected(() => true));
    expect(remembered()).toBe(true);
    expect(await allPages(admin, '&sort=name')).toEqual(expected(() => true, 'name'));
    expect(await allPages(repNorth)).toEqual(expected((r) => r.owner === 'north'));
    forgetBroadTerms();
  }, 60_000);

  it('the term turns broad between two searches: counted again, remembered, the pages still by the rule', async () => {
    expect(remembered()).toBeNull();
    const bulk: Row[] = [];
    for (let i = 0; i < BROAD_TERM_MATCHES + 20; i++) {
      bulk.push({ name: `${String((i * 7919) % (BROAD_TERM_MATCHES + 20)).padStart(5, '0')}${TERM}科技有限公司`, createdAt: base + 30 * 86_400_000 + i * 60_000, owner: i % 3 === 0 ? 'north' : 'east', bulk: true });
    }
    await insert(bulk);
    const first: Page = await admin.get(`/api/v1/customers?q=${encodeURIComponent(TERM)}&limit=7`);
    expect(first.body.items.map((x) => x.name)).toEqual(expected(() => true).slice(0, 7));
    expect(remembered()).toBe(true);
    expect(await allPages(repNorth)).toEqual(expected((r) => r.owner === 'north'));
  }, 120_000);

  it('a stale "broad" (the term turned rare again) walks the sort order and gives the same rows', async () => {
    // rename the bulk rows so the term is in 42 names again; the process still remembers it broad
    await asSystem(db, (tx) => sql`update customers set name = replace(name, ${TERM}, '远航'), name_key = replace(name_key, ${TERM}, '远航'),
      search_pinyin = null, search_initials = null where tenant_id = ${t.tenantId}::uuid and number like 'KH-D-%' and name like '%科技有限公司'`.execute(tx));
    rows = rows.map((r) => (r.bulk ? { ...r, name: r.name.replace(TERM, '远航') } : r));
    await backfillSearchKeys(db);
    expect(remembered()).toBe(true);
    expect(await allPages(admin)).toEqual(expected(() => true));
    expect(await allPages(admin, '&sort=name')).toEqual(expected(() => true, 'name'));
    expect(await allPages(repNorth)).toEqual(expected((r) => r.owner === 'north'));
    expect(expected(() => true)).toHaveLength(42);
    // once forgotten, the term is counted narrow again and stays unremembered
    forgetBroadTerms();
    expect(await allPages(admin)).toEqual(expected(() => true));
    expect(remembered()).toBeNull();
  }, 60_000);
});
