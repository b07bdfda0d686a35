// The request transaction opened by the authentication (issue 13 item 2, platform/request-tx.ts, migration 035): on a
// PostgreSQL server a list route that opts in sends begin, the token look-up and the tenant settings as one message.
// What must hold whatever path a request takes: no connection is left checked out or inside a transaction, nothing
// of one request's tenant or role stays on the connection for the next, many more clients than connections all get
// their answer, and the last-use touch still happens. On PGlite the path is off; the same checks hold there.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { asSystem, type Db } from '../src/platform/db.js';
import { takenTransactions } from '../src/platform/request-tx.js';
import { beginWithLiveToken } from '../src/platform/auth.sql.js';
import { hashToken } from '../src/platform/auth.js';
import { call, login, makeTenant, testApp, type Client, type TestTenant } from './helpers.js';

let db: Db;
let baseUrl: string;
let t: TestTenant;
let rep: Client;
let otherRep: Client;

/** Connections checked out of the app's pool right now (none between requests). */
const busy = () => db.pool.totalCount - db.pool.idleCount;

async function settle() {
  // onResponse runs after the answer reached the client: give it a moment
  for (let i = 0; i < 50 && busy() > 0; i++) await new Promise((r) => setTimeout(r, 20));
}

beforeAll(async () => {
  ({ db, baseUrl } = await testApp());
  t = await makeTenant(db);
  const t2 = await makeTenant(db);
  [rep, otherRep] = await Promise.all([login(baseUrl, t.users.repEast), login(baseUrl, t2.users.repEast)]);
  expect((await rep.post('/api/v1/customers', { name: '请求事务测试有限公司', allowDuplicate: true })).status).toBe(201);
  expect((await otherRep.post('/api/v1/customers', { name: '另一租户请求事务有限公司', allowDuplicate: true })).status).toBe(201);
});

describe('a list whose transaction opens with the authentication', () => {
  it('answers in the caller\'s tenant and scope, and leaves the connection as it found it', async () => {
    const before = takenTransactions();
    const mine = await rep.get('/api/v1/customers?limit=100');
    // on a server the list ran in the transaction its authentication opened; PGlite has no round trips to save
    expect(takenTransactions() - before).toBe(db.kind === 'postgres' ? 1 : 0);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((c: { name: string }) => c.name)).toEqual(['请求事务测试有限公司']);
    const theirs = await otherRep.get('/api/v1/customers?limit=100');
    expect(theirs.body.items.map((c: { name: string }) => c.name)).toEqual(['另一租户请求事务有限公司']);
    await settle();
    expect(busy()).toBe(0);
    // the next user of any connection is the owner with no tenant, outside a transaction
    const states = await Promise.all(Array.from({ length: 10 }, () => db.pool.query(
      `select current_user as role, coalesce(current_setting('app.tenant_id', true), '') as tenant, now() = statement_timestamp() as fresh`)));
    for (const s of states) expect(s.rows[0]).toMatchObject({ tenant: '' });
    expect(new Set(states.map((s) => s.rows[0].role))).not.toContain('l2c_app');
  });

  it('a bad token, a bad query and a forbidden route leave no connection behind', async () => {
    const answers = await Promise.all([
      ...Array.from({ length: 15 }, () => call(baseUrl, 'GET', '/api/v1/customers', { token: 'l2c_not-a-token' })),
      ...Array.from({ length: 15 }, () => rep.get('/api/v1/customers?limit=100000')),
      ...Array.from({ length: 15 }, () => rep.get('/api/v1/customers?sort=nonsense')),
    ]);
    expect(answers.map((a) => a.status)).toEqual([...Array(15).fill(401), ...Array(30).fill(400)]);
    await settle();
    expect(busy()).toBe(0);
    expect(db.pool.waitingCount).toBe(0);
  });

  it('many more clients than connections: every one answered, none waiting after', async () => {
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) =>
      (i % 2 ? rep : otherRep).get(`/api/v1/${i % 3 ? 'customers' : 'pool/customers'}?limit=5`)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    await settle();
    expect(busy()).toBe(0);
  });

  it('is read only: its commit may follow the answer because nothing in it can write', async () => {
    if (db.kind !== 'postgres') return; // PGlite: no transaction is opened by the authentication
    const client = await db.pool.connect();
    try {
      const row = await beginWithLiveToken(client, hashToken(rep.token), true);
      expect(row?.tenant_id).toBe(t.tenantId);
      // the list's read works; a write in the same transaction is refused by PostgreSQL, not merely avoided by our code
      expect((await client.query('select count(*)::int as n from customers')).rows[0].n).toBe(1);
      await expect(client.query(`update customers set remark = 'x'`)).rejects.toMatchObject({ code: '25006' });
    } finally {
      await client.query('rollback');
      client.release();
    }
    // a page answered before its commit: the next request, on whichever connection, sees the state as it was
    const answers = await Promise.all(Array.from({ length: 30 }, () => rep.get('/api/v1/customers?limit=5')));
    expect(answers.map((a) => a.body.items.length)).toEqual(Array(30).fill(1));
    await settle();
    expect(busy()).toBe(0);
  });

  it('the token\'s last use is still recorded (after the answer)', async () => {
    // a new session: its token has no last use yet (a token this process used within the minute is not touched
    // again, whatever the row says since: auth-cache.ts remembers the touch)
    const fresh = await login(baseUrl, t.users.repEast);
    const lastUse = async () => (await asSystem(db, (tx) => sql<{ at: string | null }>`select last_used_at as at from auth_tokens
      where tenant_id = ${t.tenantId} and token_hash = ${hashToken(fresh.token)}`.execute(tx))).rows[0]!.at;
    expect(await lastUse()).toBeNull();
    expect((await fresh.get('/api/v1/customers')).status).toBe(200);
    await settle();
    expect(Date.now() - Date.parse((await lastUse())!)).toBeLessThan(60_000);
  });
});
