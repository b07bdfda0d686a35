// Reads are planned for their own parameters (Actor.planPerCall, platform/auth.ts): repeated statements are named
// (platform/prepared.ts), and PostgreSQL may then run a named statement with one generic plan made for the average
// customer — a read over one big customer's history ran 20–100× slower from its sixth call on a connection. Every GET
// request's transactions set plan_cache_mode = force_custom_plan, locally; writes keep PostgreSQL's choice, and
// nothing of the setting stays on the connection for the next user.
import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../src/platform/auth.js';
import { inTenant, type Db, type Tx } from '../src/platform/db.js';
import { closeUnusedTransaction } from '../src/platform/request-tx.js';
import { isPlainSearch } from '../src/domains/customers/customers.routes.js';
import { login, makeTenant, testApp, type Client } from './helpers.js';

let db: Db;
let baseUrl: string;
let rep: Client;
let admin: Client;
let repNorth: Client;

/** The parts of a Fastify request the authentication reads. */
function request(token: string, method: string, config: { openTx?: boolean; genericPlans?: boolean | ((req: FastifyRequest) => boolean) } = {},
  query: Record<string, string> = {}): FastifyRequest {
  return { headers: { authorization: `Bearer ${token}` }, method, routeOptions: { config }, cookies: {}, id: `plan-${method}`, query } as unknown as FastifyRequest;
}
const noTouch = async () => undefined;
const planMode = async (tx: Tx) => (await sql<{ m: string }>`select current_setting('plan_cache_mode') as m`.execute(tx)).rows[0]!.m;

beforeAll(async () => {
  ({ db, baseUrl } = await testApp());
  const t = await makeTenant(db);
  rep = await login(baseUrl, t.users.repEast);
  admin = await login(baseUrl, t.users.admin);
  repNorth = await login(baseUrl, t.users.repNorth);
  // customers named alike, owned by two reps: what a rep's search may find is decided per row, whatever the plan
  for (const [i, owner] of [t.users.repEast, t.users.repNorth, t.users.repNorth, t.users.repEast, t.users.repNorth].entries()) {
    const res = await admin.post('/api/v1/customers', { name: `杭州恒通计划${i}号科技有限公司`, ownerId: owner.id, allowDuplicate: true });
    expect(res.status).toBe(201);
  }
});

describe('plans of a request\'s statements', () => {
  it('a read plans each statement for its parameters; a write keeps PostgreSQL\'s choice', async () => {
    const read = await authenticate(db, request(rep.token, 'GET'), noTouch);
    expect(read?.planPerCall).toBe(true);
    expect(await inTenant(db, read!, planMode)).toBe('force_custom_plan');
    const write = await authenticate(db, request(rep.token, 'POST'), noTouch);
    expect(write?.planPerCall).toBe(false);
    expect(await inTenant(db, write!, planMode)).toBe('auto');
    // a read whose route kept its generic plans (the aging report)
    const checked = await authenticate(db, request(rep.token, 'GET', { genericPlans: true }), noTouch);
    expect(await inTenant(db, checked!, planMode)).toBe('auto');
  });

  it('the transaction a server opens with the authentication plans per call too, and the setting ends with it', async () => {
    const read = await authenticate(db, request(rep.token, 'GET', { openTx: true }), noTouch);
    try {
      expect(await inTenant(db, read!, planMode)).toBe('force_custom_plan');
    } finally {
      await closeUnusedTransaction(read);
    }
    // real requests, then every connection of the pool as the next user finds it
    expect((await rep.get('/api/v1/customers?limit=5')).status).toBe(200);
    expect((await rep.get('/api/v1/receivables?limit=5')).status).toBe(200);
    expect((await rep.get('/api/v1/aging')).status).toBe(200);
    const modes = await Promise.all(Array.from({ length: 8 }, () => db.pool.query(`select current_setting('plan_cache_mode') as m`)));
    for (const r of modes) expect(r.rows[0].m).toBe('auto');
  });

  it('a search and nothing but its page keeps PostgreSQL\'s choice; a filter beside the term, or no term, is planned per call', async () => {
    // the customer list's route config: { openTx: true, genericPlans: isPlainSearch }
    const mode = async (query: Record<string, string>) => {
      const auth = await authenticate(db, request(rep.token, 'GET', { genericPlans: isPlainSearch }, query), noTouch);
      return auth?.planPerCall;
    };
    expect(await mode({ q: '恒通' })).toBe(false);
    expect(await mode({ q: 'hzht', sort: 'name', limit: '20' })).toBe(false);
    expect(await mode({ q: '恒通', grade: 'A' })).toBe(true); // a rare grade must get its own plan
    expect(await mode({ q: '恒通', ownerId: '00000000-0000-4000-8000-000000000001' })).toBe(true);
    expect(await mode({ q: '  ' })).toBe(true);
    expect(await mode({})).toBe(true);
    expect(await mode({ grade: 'A' })).toBe(true);
  });

  it('under the generic plan a search still finds only the rows of the caller\'s scope, call after call', async () => {
    // more than five calls on a connection: PostgreSQL may switch a named statement to its generic plan from the sixth
    for (let i = 0; i < 8; i++) {
      const mine = await rep.get(`/api/v1/customers?q=${encodeURIComponent('恒通计划')}`);
      expect(mine.status).toBe(200);
      expect((mine.body as { items: Array<{ name: string }> }).items.map((c) => c.name).sort()).toEqual(['杭州恒通计划0号科技有限公司', '杭州恒通计划3号科技有限公司']);
      const theirs = await repNorth.get(`/api/v1/customers?q=${encodeURIComponent('恒通计划')}&sort=name`);
      expect((theirs.body as { items: Array<{ name: string }> }).items.map((c) => c.name)).toEqual(['杭州恒通计划1号科技有限公司', '杭州恒通计划2号科技有限公司', '杭州恒通计划4号科技有限公司']);
      const all = await admin.get(`/api/v1/customers?q=${encodeURIComponent('hzhtjh')}`);
      expect((all.body as { items: unknown[] }).items).toHaveLength(5);
    }
  });
});
