// A broad search term (issue 13, migration 034): a word in more than BROAD_TERM_MATCHES names is read along the sort
// index instead of ranking every match. The rows and their order must be exactly those of the narrow plan's rule —
// exact matches first, then prefixes, then the rest in the requested sort — through every page, and under data scope.
// The expected lists are computed here from the rows this test wrote.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { asSystem } from '../src/platform/db.js';
import { backfillSearchKeys } from '../src/domains/customers/index.js';
import { BROAD_TERM_MATCHES } from '../src/domains/customers/search.sql.js';
import { login, makeTenant, testApp, type Client, type TestTenant } from './helpers.js';

const BULK = BROAD_TERM_MATCHES + 300; // '宏图' in every one of these names: a broad term
let t: TestTenant;
let admin: Client;
let repNorth: Client;
interface Row { name: string; createdAt: number; owner: 'east' | 'north' }
const rows: Row[] = [];

type Page = { status: number; body: { items: Array<{ name: string }>; nextCursor: string | null } };
async function allPages(c: Client, q: string, extra: string): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 100; i++) {
    const res: Page = await c.get(`/api/v1/customers?q=${encodeURIComponent(q)}&limit=200${extra}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status).toBe(200);
    seen.push(...res.body.items.map((x) => x.name));
    cursor = res.body.nextCursor;
    if (!cursor) break;
  }
  return seen;
}

/** The rule: 0 exact name (or name key), 1 name prefix, 2 contains; then the sort; newest first by default. */
function expected(filter: (r: Row) => boolean, sort: 'newest' | 'name'): string[] {
  const rank = (r: Row) => (r.name === '宏图' ? 0 : r.name.startsWith('宏图') ? 1 : 2);
  const bySort = sort === 'newest' ? (a: Row, b: Row) => b.createdAt - a.createdAt : (a: Row, b: Row) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return rows.filter(filter).sort((a, b) => rank(a) - rank(b) || bySort(a, b)).map((r) => r.name);
}

beforeAll(async () => {
  const h = await testApp();
  t = await makeTenant(h.db);
  [admin, repNorth] = await Promise.all([login(h.baseUrl, t.users.admin), login(h.baseUrl, t.users.repNorth)]);
  const base = Date.UTC(2025, 0, 1);
  for (let i = 0; i < BULK; i++) {
    // every third row is North's; names and dates interleave so that neither order follows the other
    rows.push({ name: `${String((i * 7919) % BULK).padStart(5, '0')}宏图科技有限公司`, createdAt: base + i * 60_000, owner: i % 3 === 0 ? 'north' : 'east' });
  }
  rows.push({ name: '宏图', createdAt: base - 86_400_000, owner: 'east' });
  rows.push({ name: '宏图精密机械有限公司', createdAt: base - 2 * 86_400_000, owner: 'north' });
  rows.push({ name: '宏图物流有限公司', createdAt: base + BULK * 60_000, owner: 'east' });
  const owners = { east: t.users.repEast.id, north: t.users.repNorth.id };
  await asSystem(h.db, (tx) => sql`insert into customers (tenant_id, number, name, name_key, owner_id, owner_since, created_at, updated_at)
    select ${t.tenantId}::uuid, 'KH-B-' || lpad(n::text, 6, '0'), name, name, owner, created_at, created_at, created_at
    from unnest(${rows.map((r) => r.name)}::text[], ${rows.map((r) => owners[r.owner])}::uuid[],
      ${rows.map((r) => new Date(r.createdAt).toISOString())}::timestamptz[]) with ordinality as v(name, owner, created_at, n)`.execute(tx));
  await backfillSearchKeys(h.db);
  // as the server's statistics job would after a bulk load (platform/statistics.ts; jobs are off in tests)
  await asSystem(h.db, (tx) => sql`analyze customers`.execute(tx));
}, 60_000);

describe('a broad term', () => {
  it('the first page: the exact match, then the prefixes, then the newest of the rest', async () => {
    const res: Page = await admin.get(`/api/v1/customers?q=${encodeURIComponent('宏图')}&limit=5`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((x) => x.name)).toEqual(['宏图', '宏图物流有限公司', '宏图精密机械有限公司', ...expected(() => true, 'newest').slice(3, 5)]);
    expect(res.body.items[3]!.name).toBe(rows[BULK - 1]!.name); // the newest bulk row
  });

  it('every page in order, none repeated or skipped — newest first and by name', async () => {
    expect(await allPages(admin, '宏图', '')).toEqual(expected(() => true, 'newest'));
    expect(await allPages(admin, '宏图', '&sort=name')).toEqual(expected(() => true, 'name'));
  }, 120_000);

  it('a rep walks only their own matches, ranked the same way', async () => {
    const mine = await allPages(repNorth, '宏图', '');
    expect(mine).toEqual(expected((r) => r.owner === 'north', 'newest'));
    expect(mine[0]).toBe('宏图精密机械有限公司');
    expect(mine).not.toContain('宏图');
  });

  it('its pinyin: the exact pinyin, then every prefix — digits have no pinyin, so all the rest are prefixes', async () => {
    const res: Page = await admin.get('/api/v1/customers?q=hongtu&limit=4');
    expect(res.body.items.map((x) => x.name)).toEqual(['宏图', '宏图物流有限公司', rows[BULK - 1]!.name, rows[BULK - 2]!.name]);
  });
});
