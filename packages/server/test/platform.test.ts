// Platform guarantees: tenant isolation enforced by the database itself, an append-only audit trail,
// forward-only migrations, the API's public face (health, OpenAPI, problem+json, headers).
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { asSystem, inTenant } from '../src/platform/db.js';
import { migrate, readMigrations } from '../src/platform/migrate.js';
import { refreshStatistics } from '../src/platform/statistics.js';
import { call, makeTenant, testApp, type TestTenant } from './helpers.js';

let h: Awaited<ReturnType<typeof testApp>>;
let a: TestTenant;
let b: TestTenant;

beforeAll(async () => {
  h = await testApp();
  a = await makeTenant(h.db);
  b = await makeTenant(h.db);
});

describe('row-level security', () => {
  it('a query without any tenant filter sees only the current tenant\'s rows', async () => {
    const seen = await inTenant(h.db, { tenantId: a.tenantId, userId: null }, async (tx) =>
      (await sql<{ tenant_id: string }>`select distinct tenant_id from users`.execute(tx)).rows.map((r) => r.tenant_id));
    expect(seen).toEqual([a.tenantId]);
  });
  it('writing a row into another tenant is refused by the database', async () => {
    await expect(inTenant(h.db, { tenantId: a.tenantId, userId: null }, (tx) =>
      sql`insert into teams (tenant_id, name) values (${b.tenantId}, 'intruder')`.execute(tx))).rejects.toThrow(/row-level security/);
  });
  it('the audit trail cannot be updated or deleted by the application role', async () => {
    await expect(inTenant(h.db, { tenantId: a.tenantId, userId: null }, (tx) => sql`delete from audit_log`.execute(tx))).rejects.toThrow(/permission denied/);
    await expect(inTenant(h.db, { tenantId: a.tenantId, userId: null }, (tx) => sql`update audit_log set action = 'x'`.execute(tx))).rejects.toThrow(/permission denied/);
  });
});

describe('migrations', () => {
  it('are numbered, applied once, and a second run applies nothing', async () => {
    const files = readMigrations();
    expect(files.map((f) => f.id)).toEqual([...files.map((f) => f.id)].sort());
    expect(await migrate(h.db)).toEqual([]);
  });
  it('refuse to run when an applied migration was edited', async () => {
    const files = readMigrations();
    const edited = files.map((f, i) => (i === 0 ? { ...f, checksum: 'tampered' } : f));
    await expect(migrate(h.db, edited)).rejects.toThrow(/was changed after it was applied/);
  });
  it('declare the row-level-security helpers parallel safe, so tenant-scoped reports may use parallel workers', async () => {
    const r = await asSystem(h.db, (tx) => sql<{ proname: string; proparallel: string }>`select proname, proparallel from pg_proc
      where proname in ('app_tenant_id', 'visible_owner_ids') order by proname`.execute(tx));
    expect(r.rows).toEqual([{ proname: 'app_tenant_id', proparallel: 's' }, { proname: 'visible_owner_ids', proparallel: 's' }]);
  });
});

describe('request transactions', () => {
  it('roll back everything when the work fails, and keep the tenant settings to the transaction', async () => {
    const marker = `rollback-${Date.now()}`;
    await expect(inTenant(h.db, { tenantId: a.tenantId, userId: a.users.admin.id }, async (tx) => {
      await sql`insert into audit_log (tenant_id, actor_id, action, entity_type, entity_id, changes) values (${a.tenantId}, ${a.users.admin.id}, ${marker}, 'test', ${a.tenantId}, '[]')`.execute(tx);
      throw new Error('boom');
    })).rejects.toThrow('boom');
    const left = await asSystem(h.db, async (tx) => (await sql<{ n: number }>`select count(*)::int as n from audit_log where action = ${marker}`.execute(tx)).rows[0]!.n);
    expect(left).toBe(0);
    const after = await asSystem(h.db, async (tx) => (await sql<{ t: string | null; r: string }>`select nullif(current_setting('app.tenant_id', true), '') as t, current_user as r`.execute(tx)).rows[0]!);
    expect(after.t).toBeNull();
    expect(after.r).not.toBe('l2c_app');
  });
  it('refuse a tenant id that is not a UUID before reaching the database', async () => {
    await expect(inTenant(h.db, { tenantId: "x'); drop table tenants; --", userId: null }, async () => 1)).rejects.toThrow(/not a UUID/);
  });
});

describe('planner statistics', () => {
  it('are gathered on the embedded database, which has no autovacuum; a server is left to its own', async () => {
    const ran = await refreshStatistics(h.db);
    expect(ran).toBe(h.db.kind === 'pglite');
    if (!ran) return;
    const users = await asSystem(h.db, async (tx) => (await sql<{ reltuples: number; n: number }>`select c.reltuples::float8 as reltuples,
      (select count(*)::int from users) as n from pg_class c where c.relname = 'users'`.execute(tx)).rows[0]!);
    expect(users.n).toBeGreaterThan(0);
    expect(users.reltuples).toBe(users.n); // a table this small is read whole, so the estimate is the count
  });
  it('are taken again on the embedded database once a table has grown well past them, as autovacuum would', async () => {
    if (h.db.kind !== 'pglite') return;
    await refreshStatistics(h.db, ['teams']);
    const teams = async () => asSystem(h.db, async (tx) => (await sql<{ reltuples: number }>`select reltuples::float8 as reltuples from pg_class where relname = 'teams'`.execute(tx)).rows[0]!.reltuples);
    const before = await teams();
    await inTenant(h.db, { tenantId: a.tenantId, userId: null }, (tx) => sql`insert into teams (tenant_id, name) select ${a.tenantId}::uuid, 'stats-' || g from generate_series(1, 3000) g`.execute(tx));
    // Nothing asks for it: ordinary transactions go by (a look every 200), and the grown table is analyzed between them.
    for (let i = 0; i < 250 && (await teams()) < before + 3000; i++) await inTenant(h.db, { tenantId: a.tenantId, userId: null }, (tx) => sql`select 1`.execute(tx));
    expect(await teams()).toBeGreaterThanOrEqual(before + 3000);
  });
});

describe('the API surface', () => {
  it('health, OpenAPI 3.1 and docs', async () => {
    const health = await call(h.baseUrl, 'GET', '/api/health');
    expect(health.body).toMatchObject({ status: 'ok' });
    const doc = await call(h.baseUrl, 'GET', '/api/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/customers', '/api/v1/auth/login', '/api/v1/customers/{id}']));
    expect(doc.body.paths['/api/v1/customers'].post.requestBody).toBeDefined();
    expect((await fetch(`${h.baseUrl}/api/docs`, { redirect: 'follow' })).status).toBe(200);
  });
  it('security headers and a request id on every response', async () => {
    const res = await fetch(`${h.baseUrl}/api/health`, { headers: { 'x-request-id': 'trace-123' } });
    expect(res.headers.get('x-request-id')).toBe('trace-123');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
  it('an unknown API path is a problem+json 404; malformed JSON is a 400, never a 500', async () => {
    const nf = await call(h.baseUrl, 'GET', '/api/v1/nothing-here');
    expect(nf.status).toBe(404);
    expect(nf.headers.get('content-type')).toContain('application/problem+json');
    const res = await fetch(`${h.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});
