// The public pool 公海: release, claim with a daily cap, manager assignment, and the daily reclaim job that returns
// customers nobody followed up — exactly once, however often it runs.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { asSystem } from '../src/platform/db.js';
import { runJobOnce } from '../src/platform/jobs.js';
import { reclaimStaleCustomers } from '../src/domains/customers/index.js';
import { call, login, makeTenant, testApp, type Client, type TestTenant } from './helpers.js';

let h: Awaited<ReturnType<typeof testApp>>;
let t: TestTenant;
let repEast: Client;
let repNorth: Client;
let managerEast: Client;

beforeAll(async () => {
  h = await testApp();
  t = await makeTenant(h.db, { pool: { claimDailyCap: 2, reclaimDays: 30 } });
  repEast = await login(h.baseUrl, t.users.repEast);
  repNorth = await login(h.baseUrl, t.users.repNorth);
  managerEast = await login(h.baseUrl, t.users.managerEast);
});

describe('release and claim', () => {
  it('a released customer leaves the rep\'s list, appears in the pool, and another rep can claim it', async () => {
    const c = (await repEast.post('/api/v1/customers', { name: '石家庄正泰建设工程有限公司' })).body;
    const rel = await repEast.post(`/api/v1/customers/${c.id}/release`, { reason: '客户暂无需求' });
    expect(rel.status).toBe(200);
    expect(rel.body).toMatchObject({ inPool: true, owner: null });
    expect((await repEast.get('/api/v1/customers')).body.items.map((x: { id: string }) => x.id)).not.toContain(c.id);
    expect((await repNorth.get('/api/v1/pool/customers')).body.items.map((x: { id: string }) => x.id)).toContain(c.id);
    expect((await repNorth.patch(`/api/v1/customers/${c.id}`, { name: 'x y z', version: rel.body.version })).body.code).toBe('customers.in_pool');
    const claim = await repNorth.post(`/api/v1/customers/${c.id}/claim`);
    expect(claim.status).toBe(200);
    expect(claim.body.owner.id).toBe(t.users.repNorth.id);
    const again = await repEast.post(`/api/v1/customers/${c.id}/claim`);
    expect(again.status).toBe(404); // now owned by the other region: out of repEast's scope
    // Its history, read by its new owner (East's manager may not: the customer is now out of her team's scope).
    const audit = (await repNorth.get(`/api/v1/audit?entityType=customer&entityId=${c.id}`)).body.items;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['claim', 'release', 'create']);
    expect(audit[1].changes).toContainEqual({ field: 'reason', before: null, after: '客户暂无需求' });
    expect(audit[0].changes).toContainEqual({ field: 'ownerId', before: null, after: t.users.repNorth.id });
  });

  it('two reps claiming the same customer at once: exactly one gets it', async () => {
    const c = (await managerEast.post('/api/v1/customers', { name: '并发认领测试有限公司' })).body;
    await managerEast.post(`/api/v1/customers/${c.id}/release`, { reason: 'test' });
    const results = await Promise.all([repEast.post(`/api/v1/customers/${c.id}/claim`), repNorth.post(`/api/v1/customers/${c.id}/claim`)]);
    const winners = results.filter((r) => r.status === 200);
    expect(winners).toHaveLength(1);
    // The loser sees 409 (still visible to them) or 404 (now owned outside their scope); either way nothing changed for them.
    expect([404, 409]).toContain(results.find((r) => r.status !== 200)!.status);
    // Read by the winner: East's manager may not see the customer once North's rep has won it.
    const winner = winners[0] === results[0] ? repEast : repNorth;
    const audit = (await winner.get(`/api/v1/audit?entityType=customer&entityId=${c.id}&action=claim`)).body.items;
    expect(audit).toHaveLength(1);
    expect(audit[0].changes).toContainEqual({ field: 'ownerId', before: null, after: winners[0]!.body.owner.id });
  });

  it('the daily claim cap stops the third claim', async () => {
    const rep = await login(h.baseUrl, t.users.repEastSub);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const c = (await managerEast.post('/api/v1/customers', { name: `认领上限测试${i}号有限公司`, allowDuplicate: true })).body;
      await managerEast.post(`/api/v1/customers/${c.id}/release`, { reason: 'cap test' });
      ids.push(c.id);
    }
    expect((await rep.post(`/api/v1/customers/${ids[0]}/claim`)).status).toBe(200);
    expect((await rep.post(`/api/v1/customers/${ids[1]}/claim`)).status).toBe(200);
    const third = await rep.post(`/api/v1/customers/${ids[2]}/claim`);
    expect(third.status).toBe(422);
    expect(third.body.code).toBe('customers.claim_cap_reached');
  });

  it('a manager assigns within the team, not to another region', async () => {
    const c = (await managerEast.post('/api/v1/customers', { name: '分配测试有限公司' })).body;
    const ok = await managerEast.post(`/api/v1/customers/${c.id}/assign`, { ownerId: t.users.repEastSub.id, version: c.version });
    expect(ok.status).toBe(200);
    expect(ok.body.owner.id).toBe(t.users.repEastSub.id);
    const bad = await managerEast.post(`/api/v1/customers/${c.id}/assign`, { ownerId: t.users.repNorth.id, version: ok.body.version });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('ownerId');
    expect((await repEast.post(`/api/v1/customers/${c.id}/assign`, { ownerId: t.users.repEast.id, version: ok.body.version })).status).toBe(403);
  });
});

describe('automatic reclaim', () => {
  it('returns customers with no follow-up for 30 days, once, and keeps recently followed ones', async () => {
    const stale = (await repEast.post('/api/v1/customers', { name: '长期未跟进客户有限公司' })).body;
    const fresh = (await repEast.post('/api/v1/customers', { name: '最近跟进客户有限公司' })).body;
    await asSystem(h.db, async (tx) => {
      await sql`update customers set owner_since = now() - interval '40 days' where id in (${stale.id}, ${fresh.id})`.execute(tx);
    });
    await repEast.post(`/api/v1/customers/${fresh.id}/followups`, { kind: 'call', content: '电话回访' });

    const first = await reclaimStaleCustomers(h.db);
    expect(first.reclaimed).toBeGreaterThanOrEqual(1);
    expect((await repEast.get(`/api/v1/customers/${stale.id}`)).body.inPool).toBe(true);
    expect((await repEast.get(`/api/v1/customers/${fresh.id}`)).body.inPool).toBe(false);
    const second = await reclaimStaleCustomers(h.db);
    expect(second.reclaimed).toBe(0);
    const audit = (await managerEast.get(`/api/v1/audit?entityType=customer&entityId=${stale.id}`)).body.items;
    expect(audit.filter((e: { action: string }) => e.action === 'reclaim')).toHaveLength(1);
    expect(audit[0].actor).toBeNull(); // the system did it
  });

  it('the scheduled job runs once per day across concurrent schedulers', async () => {
    let runs = 0;
    const job = { name: `test-job-${t.slug}`, run: async () => { runs++; return { ok: true }; } };
    const now = new Date('2026-11-23T02:00:00Z');
    const results = await Promise.all(Array.from({ length: 6 }, () => runJobOnce(h.db, job, now)));
    expect(results.filter((r) => r === 'ran')).toHaveLength(1);
    expect(runs).toBe(1);
    expect(await runJobOnce(h.db, job, new Date('2026-11-23T15:00:00Z'))).toBe('skipped'); // 23:00 Shanghai: same day
    expect(await runJobOnce(h.db, job, new Date('2026-11-23T16:30:00Z'))).toBe('ran'); // 00:30 next day in Shanghai
  });
});

describe('pool settings', () => {
  it('an admin changes the rules (audited); a rep may read but not change them', async () => {
    const admin = await login(h.baseUrl, t.users.admin);
    expect((await repEast.get('/api/v1/settings/pool')).body).toEqual({ reclaimDays: 30, claimDailyCap: 2 });
    const put = await call(h.baseUrl, 'PUT', '/api/v1/settings/pool', { token: admin.token, body: { reclaimDays: 45, claimDailyCap: 5 } });
    expect(put.status).toBe(200);
    expect((await repEast.get('/api/v1/settings/pool')).body).toEqual({ reclaimDays: 45, claimDailyCap: 5 });
    expect((await call(h.baseUrl, 'PUT', '/api/v1/settings/pool', { token: repEast.token, body: { reclaimDays: 1, claimDailyCap: 99 } })).status).toBe(403);
    const bad = await call(h.baseUrl, 'PUT', '/api/v1/settings/pool', { token: admin.token, body: { reclaimDays: 0, claimDailyCap: 5 } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('reclaimDays');
    const audit = (await admin.get(`/api/v1/audit?entityType=tenant_settings&entityId=${t.tenantId}`)).body.items[0];
    expect(audit.changes).toEqual(expect.arrayContaining([{ field: 'reclaimDays', before: 30, after: 45 }]));
  });
});
