// inTenant runs a request transaction again when PostgreSQL rolled it back for a deadlock (40P01) or a serialization
// failure (40001), and answers 503 common.busy with Retry-After once its attempts are spent — never a 500. The errors
// are real: a deadlock of two connections locking two rows in opposite order (PostgreSQL only: PGlite has one
// connection), and errors raised by the database with those SQLSTATEs (both databases).
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { asSystem, inTenant, transactionRetries, TX_ATTEMPTS, type Db, type Tx } from '../src/platform/db.js';
import { recordAudit } from '../src/platform/audit.js';
import { buildHttp } from '../src/platform/http.js';
import { DomainError } from '../src/platform/errors.js';
import { makeTenant, testApp, type TestTenant } from './helpers.js';

let db: Db;
let t: TestTenant;
const warnings: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  const h = await testApp();
  t = await makeTenant(h.db);
  // the shared database with a logger of our own, to see the retries reported
  db = { ...h.db, log: { warn: (obj: object, msg: string) => warnings.push({ ...obj, msg }) } };
});

const actor = (requestId: string) => ({ tenantId: t.tenantId, userId: t.users.finance.id, requestId });
/** A real error from the database with this SQLSTATE. */
const raise = (tx: Tx, code: string) => sql.raw(`do $$ begin raise exception 'forced for the test' using errcode = '${code}'; end $$`).execute(tx);

describe('request transactions that lose a conflict', () => {
  it.skipIf(!process.env.DATABASE_URL)('a real deadlock: the loser is run again and both succeed', async () => {
    const [row1, row2] = [t.users.admin.id, t.users.exec.id];
    const lock = (tx: Tx, id: string) => sql`select id from users where id = ${id} for update`.execute(tx);
    let aHolds!: () => void;
    let bHolds!: () => void;
    const aHas = new Promise<void>((r) => (aHolds = r));
    const bHas = new Promise<void>((r) => (bHolds = r));
    const attempts = { a: 0, b: 0 };
    const before = transactionRetries();
    warnings.length = 0;
    const [a, b] = await Promise.all([
      inTenant(db, actor('req-deadlock-a'), async (tx) => {
        attempts.a++;
        await lock(tx, row1);
        if (attempts.a === 1) { aHolds(); await bHas; }
        await lock(tx, row2);
        return 'a done';
      }),
      inTenant(db, actor('req-deadlock-b'), async (tx) => {
        attempts.b++;
        await lock(tx, row2);
        if (attempts.b === 1) { bHolds(); await aHas; }
        await lock(tx, row1);
        return 'b done';
      }),
    ]);
    expect([a, b]).toEqual(['a done', 'b done']);
    // PostgreSQL chose one victim; it ran twice, the other once
    expect(attempts.a + attempts.b).toBe(3);
    expect(transactionRetries() - before).toBe(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ code: '40P01', attempt: 1, msg: 'transaction retried after a deadlock' });
    expect(['req-deadlock-a', 'req-deadlock-b']).toContain(warnings[0]!.reqId);
  }, 30_000);

  it('a serialization failure is retried on a fresh transaction: what the failed attempt wrote is gone', async () => {
    const entityId = crypto.randomUUID();
    let attempts = 0;
    warnings.length = 0;
    const result = await inTenant(db, actor('req-40001'), async (tx) => {
      attempts++;
      await recordAudit(tx, actor('req-40001'), { action: 'retry_probe', entityType: 'customer', entityId, changes: [{ field: 'attempt', before: null, after: attempts }] });
      if (attempts === 1) await raise(tx, '40001');
      return attempts;
    });
    expect(result).toBe(2);
    expect(warnings).toMatchObject([{ code: '40001', attempt: 1, reqId: 'req-40001', msg: 'transaction retried after a serialization failure' }]);
    // one audit entry, from the attempt that committed: the first attempt's buffered entry went with its transaction
    const audit = await asSystem(db, async (tx) => (await sql<{ changes: unknown }>`select changes from audit_log where entity_id = ${entityId}`.execute(tx)).rows);
    expect(audit).toEqual([{ changes: [{ field: 'attempt', before: null, after: 2 }] }]);
  });

  it('other errors are not retried', async () => {
    let attempts = 0;
    await expect(inTenant(db, actor('req-other'), async (tx) => {
      attempts++;
      await raise(tx, '23505');
    })).rejects.toMatchObject({ code: '23505' });
    expect(attempts).toBe(1);
  });

  it(`after ${TX_ATTEMPTS} lost attempts: 503 common.busy with Retry-After, never a 500`, async () => {
    let attempts = 0;
    warnings.length = 0;
    const err = await inTenant(db, actor('req-busy'), async (tx) => {
      attempts++;
      await raise(tx, '40P01');
    }).catch((e: unknown) => e);
    expect(attempts).toBe(TX_ATTEMPTS);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: 'common.busy', status: 503 });
    expect(warnings.map((w) => w.msg)).toEqual([
      ...Array(TX_ATTEMPTS - 1).fill('transaction retried after a deadlock'),
      'transaction gave up: still conflicting after retries, answering 503',
    ]);

    // through the HTTP layer: the problem document and the header a client backs off by
    const app = await buildHttp({ logLevel: 'silent', webDist: null });
    app.get('/api/v1/always-deadlocked', async () => inTenant(db, actor('req-http'), async (tx) => raise(tx, '40P01')));
    await app.ready();
    const res = await app.inject({ method: 'GET', url: '/api/v1/always-deadlocked' });
    await app.close();
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('1');
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 503, code: 'common.busy' });
  });
});
