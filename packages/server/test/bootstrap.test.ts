// Deployment bootstrap: L2C_ADMIN_EMAIL/L2C_ADMIN_PASSWORD ensure an admin of the default tenant, idempotently;
// a changed password in the environment takes effect at the next start.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import crypto from 'node:crypto';
import { asSystem } from '../src/platform/db.js';
import { ensureAdmin } from '../src/demo/bootstrap.js';
import { call, testApp } from './helpers.js';

let h: Awaited<ReturnType<typeof testApp>>;
const email = `ops-${crypto.randomBytes(4).toString('hex')}@example.cn`;

beforeAll(async () => {
  h = await testApp();
});

describe('admin bootstrap', () => {
  it('creates the admin once, and the password from the environment logs in', async () => {
    await ensureAdmin(h.db, email, 'first-Passw0rd');
    await ensureAdmin(h.db, email, 'first-Passw0rd');
    const rows = await asSystem(h.db, async (tx) => (await sql<{ role: string; slug: string }>`select u.role, t.slug from users u join tenants t on t.id = u.tenant_id where u.email = ${email}`.execute(tx)).rows);
    expect(rows).toEqual([{ role: 'admin', slug: 'default' }]);
    const res = await call(h.baseUrl, 'POST', '/api/v1/auth/login', { body: { email, password: 'first-Passw0rd' } });
    expect(res.status).toBe(200);
    expect(res.body.user.role).toBe('admin');
  });

  it('a new password in the environment replaces the old one', async () => {
    await ensureAdmin(h.db, email, 'second-Passw0rd');
    expect((await call(h.baseUrl, 'POST', '/api/v1/auth/login', { body: { email, password: 'first-Passw0rd' } })).status).toBe(401);
    expect((await call(h.baseUrl, 'POST', '/api/v1/auth/login', { body: { email, password: 'second-Passw0rd' } })).status).toBe(200);
  });
});
