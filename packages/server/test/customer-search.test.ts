// Customer search (issue 13, migration 019): by any part of the name (two Chinese characters, one), by pinyin in full
// and by initials, by phone and credit code; exact matches first, then prefixes, then the rest; and never a customer
// outside the caller's data scope or tenant — not in the results, not in their number, not in the ranking.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { asSystem, type Db } from '../src/platform/db.js';
import { backfillSearchKeys } from '../src/domains/customers/index.js';
import { login, makeTenant, randomCreditCode, testApp, type Client, type TestTenant } from './helpers.js';

let db: Db;
let t: TestTenant;
let rep: Client;
let repSub: Client;
let repNorth: Client;
let manager: Client;
let admin: Client;
let other: Client;
let code: string;
const ids: Record<string, string> = {};

const names = (res: { body: { items: Array<{ name: string }> } }) => res.body.items.map((c) => c.name);
const search = (c: Client, q: string, extra = '') => c.get(`/api/v1/customers?q=${encodeURIComponent(q)}${extra}`);

async function create(c: Client, key: string, body: Record<string, unknown>) {
  const res = await c.post('/api/v1/customers', { allowDuplicate: true, ...body });
  expect(res.status).toBe(201);
  ids[key] = res.body.id;
}

beforeAll(async () => {
  const h = await testApp();
  db = h.db;
  t = await makeTenant(h.db);
  [rep, repSub, repNorth, manager, admin] = await Promise.all([
    login(h.baseUrl, t.users.repEast), login(h.baseUrl, t.users.repEastSub), login(h.baseUrl, t.users.repNorth),
    login(h.baseUrl, t.users.managerEast), login(h.baseUrl, t.users.admin),
  ]);
  const t2 = await makeTenant(h.db);
  other = await login(h.baseUrl, t2.users.repEast);
  code = await randomCreditCode();
  // created so that the newest-first order is the reverse of the ranking: the rank must decide, not the date
  await create(rep, 'contains', { name: '杭州云帆智能科技有限公司', phone: '0571-8888 1234', creditCode: code });
  await create(rep, 'prefix', { name: '云帆科技有限公司' });
  await create(rep, 'exact', { name: '云帆' });
  await create(rep, 'hengtong', { name: '杭州恒通精密机械有限公司', phone: '13912345678' });
  await create(repSub, 'sub', { name: '上海云帆物流有限公司' });
  await create(repNorth, 'north', { name: '北京云帆数据有限公司' });
  await create(other, 'otherTenant', { name: '杭州云帆其他租户有限公司' });
});

describe('what a search finds', () => {
  it('two Chinese characters anywhere in the name', async () => {
    expect(names(await search(rep, '恒通'))).toEqual(['杭州恒通精密机械有限公司']);
    expect(names(await search(rep, '精密机械'))).toEqual(['杭州恒通精密机械有限公司']);
  });

  it('one character: names containing it', async () => {
    expect(names(await search(rep, '恒'))).toEqual(['杭州恒通精密机械有限公司']);
  });

  it('pinyin initials, full pinyin (with or without spaces, any case)', async () => {
    expect(names(await search(rep, 'hzyf'))).toEqual(['杭州云帆智能科技有限公司']);
    expect(names(await search(rep, 'HZYF'))).toEqual(['杭州云帆智能科技有限公司']);
    expect(names(await search(rep, 'hangzhouyunfan'))).toEqual(['杭州云帆智能科技有限公司']);
    expect(names(await search(rep, 'hang zhou yun fan'))).toEqual(['杭州云帆智能科技有限公司']);
    expect(names(await search(rep, 'hengtong'))).toEqual(['杭州恒通精密机械有限公司']);
    expect(names(await search(rep, 'jingmi'))).toEqual(['杭州恒通精密机械有限公司']);
  });

  it('the phone however it is typed, whole or in part', async () => {
    expect(names(await search(rep, '0571-8888 1234'))).toEqual(['杭州云帆智能科技有限公司']);
    expect(names(await search(rep, '88881234'))).toEqual(['杭州云帆智能科技有限公司']);
    expect(names(await search(rep, '+86 139 1234 5678'))).toEqual(['杭州恒通精密机械有限公司']);
  });

  it('the unified social credit code, whole (any case) or in part', async () => {
    expect(names(await search(rep, code.toLowerCase()))).toEqual(['杭州云帆智能科技有限公司']);
    expect(names(await search(rep, code.slice(4, 14)))).toEqual(['杭州云帆智能科技有限公司']);
  });

  it('the customer number', async () => {
    const c = await rep.get(`/api/v1/customers/${ids.hengtong}`);
    expect(names(await search(rep, c.body.number))).toEqual(['杭州恒通精密机械有限公司']);
  });

  it('three characters or more are looked up by their triples (migration 040): from the middle of a field, never across two', async () => {
    expect(names(await search(rep, '恒通精'))).toEqual(['杭州恒通精密机械有限公司']);
    expect(names(await search(rep, 'ngz')).sort()).toEqual(['杭州云帆智能科技有限公司', '杭州恒通精密机械有限公司']); // hangzhou…
    expect(names(await search(rep, '2345'))).toEqual(['杭州恒通精密机械有限公司']); // 139 1234 5678
    // the name's last character and the number's first two are next to each other only in the indexed text
    const c = await rep.get(`/api/v1/customers/${ids.hengtong}`);
    expect(names(await search(rep, `司${String(c.body.number).slice(0, 2).toLowerCase()}`))).toEqual([]);
  });

  it('LIKE wildcards are plain characters, and a miss is an empty page', async () => {
    expect(names(await search(rep, '%'))).toEqual([]);
    expect(names(await search(rep, '_'))).toEqual([]);
    expect(names(await search(rep, '不存在的公司'))).toEqual([]);
  });
});

describe('ranking', () => {
  it('exact, then prefix, then contains — whatever the sort', async () => {
    const ranked = ['云帆', '云帆科技有限公司', '杭州云帆智能科技有限公司'];
    expect(names(await search(rep, '云帆'))).toEqual(ranked);
    expect(names(await search(rep, '云帆', '&sort=createdAt'))).toEqual(ranked);
    expect(names(await search(rep, '云帆', '&sort=-name'))).toEqual(ranked);
  });

  it('a name key (the name without its legal suffix) is an exact match; pinyin initials of the whole name too', async () => {
    expect(names(await search(rep, '云帆科技'))[0]).toBe('云帆科技有限公司');
    expect(names(await search(rep, 'yf'))[0]).toBe('云帆');
  });

  it('pages follow the ranking without repeating or skipping a customer', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Awaited<ReturnType<typeof search>> = await search(rep, '云帆', `&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...names(res));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['云帆', '云帆科技有限公司', '杭州云帆智能科技有限公司']);
  });

  it('a cursor of an unranked list is refused on a search (400 naming cursor)', async () => {
    const plain = await rep.get('/api/v1/customers?limit=1');
    const res = await search(rep, '云帆', `&cursor=${plain.body.nextCursor}`);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('cursor');
  });
});

describe('data scope and tenants', () => {
  it('a rep finds only their own customers — the other teams\' matches are not returned or counted', async () => {
    expect(names(await search(rep, '云帆'))).toHaveLength(3);
    expect(names(await search(repNorth, '云帆'))).toEqual(['北京云帆数据有限公司']);
    expect(names(await search(repNorth, 'hzyf'))).toEqual([]);
    expect(names(await search(repSub, 'yunfan'))).toEqual(['上海云帆物流有限公司']);
  });

  it('a manager finds the team and its sub-teams, not the other region', async () => {
    expect(names(await search(manager, '云帆')).sort()).toEqual(['上海云帆物流有限公司', '云帆', '云帆科技有限公司', '杭州云帆智能科技有限公司'].sort());
  });

  it('an admin finds the whole tenant, never another tenant\'s customers', async () => {
    const all = names(await search(admin, '云帆'));
    expect(all).toHaveLength(5);
    expect(all).not.toContain('杭州云帆其他租户有限公司');
    expect(names(await search(other, '云帆'))).toEqual(['杭州云帆其他租户有限公司']);
  });

  it('the public pool lists only pool customers that match', async () => {
    const released = await rep.post(`/api/v1/customers/${ids.hengtong}/release`, { reason: '测试' });
    expect(released.status).toBe(200);
    const pool = await repNorth.get(`/api/v1/pool/customers?q=${encodeURIComponent('恒通')}`);
    expect(names(pool)).toEqual(['杭州恒通精密机械有限公司']);
    expect(names(await repNorth.get(`/api/v1/pool/customers?q=${encodeURIComponent('云帆')}`))).toEqual([]);
  });
});

describe('keeping the search keys', () => {
  it('a renamed customer is found by its new name\'s pinyin, not the old one', async () => {
    const before = await rep.get(`/api/v1/customers/${ids.prefix}`);
    const res = await rep.patch(`/api/v1/customers/${ids.prefix}`, { name: '厦门行者贸易有限公司', version: before.body.version });
    expect(res.status).toBe(200);
    expect(names(await search(rep, 'xmxz'))).toEqual(['厦门行者贸易有限公司']);
    expect(names(await search(rep, 'yfkj'))).toEqual([]);
  });

  it('customers written without keys (before migration 019, bulk loads) are filled at start-up', async () => {
    await asSystem(db, (tx) => sql`update customers set search_pinyin = null, search_initials = null where tenant_id = ${t.tenantId}`.execute(tx));
    expect(names(await search(rep, 'hzyf'))).toEqual([]); // pinyin not known yet …
    expect(names(await search(rep, '云帆智能'))).toEqual(['杭州云帆智能科技有限公司']); // … names still found
    expect(await backfillSearchKeys(db)).toBeGreaterThanOrEqual(5);
    expect(names(await search(rep, 'hzyf'))).toEqual(['杭州云帆智能科技有限公司']);
    expect(await backfillSearchKeys(db)).toBe(0);
  });
});
