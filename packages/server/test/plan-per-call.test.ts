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
import { login, makeTenant, testApp, type Client } from './helpers.js';

let db: Db;
let baseUrl: string;
let rep: Client;

/** The parts of a Fastify request the authentication reads. */
function request(token: string, method: string, config: { openTx?: boolean; genericPlans?: boolean } = {}): FastifyRequest {
  return { headers: { authorization: `Bearer ${token}` }, method, routeOptions: { config }, cookies: {}, id: `plan-${method}` } as unknown as FastifyRequest;
}
const noTouch = async () => undefined;
const planMode = async (tx: Tx) => (await sql<{ m: string }>`select current_setting('plan_cache_mode') as m`.execute(tx)).rows[0]!.m;

beforeAll(async () => {
  ({ db, baseUrl } = await testApp());
  const t = await makeTenant(db);
  rep = await login(baseUrl, t.users.repEast);
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
});
