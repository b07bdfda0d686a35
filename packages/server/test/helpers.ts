// Test harness: a real database and a real HTTP server per worker, shared by its test files; each test file makes
// its own tenant, so tests never see each other's data. PGlite in memory locally, PostgreSQL when DATABASE_URL is set.
import crypto from 'node:crypto';
import { createApp, type L2C } from '../src/app.js';
import { openDb, type Db } from '../src/platform/db.js';
import type { AuthContext } from '../src/platform/auth.js';
import { hashPassword, createTeam, createUser } from '../src/domains/identity/index.js';
import { createTenant } from '../src/domains/workspace/index.js';

export const PASSWORD = 'test-pass-1';
let shared: Promise<{ l2c: L2C; baseUrl: string; db: Db }> | null = null;

export function testApp() {
  shared ??= (async () => {
    const db = await openDb({ databaseUrl: process.env.DATABASE_URL ?? null, dataDir: 'memory://', poolSize: 12 });
    const l2c = await createApp({ logLevel: 'warn', jobs: false, demo: false, webDist: null, adminEmail: null, adminPassword: null }, { db });
    await l2c.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = l2c.app.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : 0;
    return { l2c, baseUrl: `http://127.0.0.1:${port}`, db };
  })();
  return shared;
}

/**
 * An app of its own on the suite's shared database, for a file that counts per-address rate limits (the public
 * password-link and login routes): the shared app's counters are spent by whatever other files ran in this worker
 * before — the fuzz test alone sends 30 bodies to each public route. Close it in afterAll; the database stays open.
 */
export async function ownApp(): Promise<{ l2c: L2C; baseUrl: string; db: Db }> {
  const { db } = await testApp();
  const l2c = await createApp({ logLevel: 'warn', jobs: false, demo: false, webDist: null, adminEmail: null, adminPassword: null }, { db });
  await l2c.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = l2c.app.server.address();
  return { l2c, baseUrl: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`, db };
}

let hashed: Promise<string> | null = null;

export interface TestUser { id: string; email: string; name: string; role: string; teamId: string | null }
export interface TestTenant {
  tenantId: string;
  slug: string;
  teams: { root: string; east: string; eastSub: string; north: string };
  users: Record<'admin' | 'exec' | 'finance' | 'marketer' | 'managerEast' | 'repEast' | 'repEastSub' | 'managerNorth' | 'repNorth', TestUser>;
}

/**
 * A fresh tenant with teams (root → east → east-sub, root → north) and a user in every role — made the way an operator
 * makes one (domains/workspace createTenant: the tenant and its admin), then filled in by that admin through identity's
 * functions, like the users screen does. No side doors into tenants, users or teams.
 */
export async function makeTenant(db: Db, settings: Record<string, unknown> = {}): Promise<TestTenant> {
  hashed ??= hashPassword(PASSWORD);
  const passwordHash = await hashed;
  const slug = `t-${crypto.randomBytes(5).toString('hex')}`;
  const created = await createTenant(db, { slug, name: `Tenant ${slug}`, settings, admin: { email: `admin@${slug}.test`, name: 'admin', passwordHash } });
  const { tenantId } = created;
  const auth: AuthContext = {
    tenantId, userId: created.adminId, role: 'admin', teamId: null, scope: 'all', name: 'admin',
    tokenId: '00000000-0000-0000-0000-000000000000', via: 'bearer',
  };
  const team = async (name: string, parentId: string | null) => (await createTeam(db, auth, { name, parentId, managerId: null })).id;
  const root = await team('Sales', null);
  const east = await team('East', root);
  const eastSub = await team('East-Shanghai', east);
  const north = await team('North', root);
  const spec = {
    exec: ['executive', null], finance: ['finance', null], marketer: ['marketer', null],
    managerEast: ['sales_manager', east], repEast: ['sales_rep', east], repEastSub: ['sales_rep', eastSub],
    managerNorth: ['sales_manager', north], repNorth: ['sales_rep', north],
  } as const;
  const users = { admin: { id: created.adminId, email: created.adminEmail, name: 'admin', role: 'admin', teamId: null } } as TestTenant['users'];
  for (const [key, [role, teamId]] of Object.entries(spec)) {
    const email = `${key.toLowerCase()}@${slug}.test`;
    const { id } = await createUser(db, auth, { email, name: key, role, teamId, password: PASSWORD, passwordHash, locale: 'zh-CN' });
    users[key as keyof TestTenant['users']] = { id, email, name: key, role, teamId };
  }
  return { tenantId, slug, teams: { root, east, eastSub, north }, users };
}

export interface Client {
  token: string;
  get(path: string): Promise<Res>;
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<Res>;
  patch(path: string, body: unknown): Promise<Res>;
  delete(path: string): Promise<Res>;
}
export interface Res { status: number; body: any; headers: Headers }

export async function call(baseUrl: string, method: string, path: string, opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Res> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(baseUrl + path, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  const text = await res.text();
  let body: unknown = text;
  try { body = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
  return { status: res.status, body, headers: res.headers };
}

export async function login(baseUrl: string, user: { email: string }, tenantSlug?: string): Promise<Client> {
  const res = await call(baseUrl, 'POST', '/api/v1/auth/login', { body: { email: user.email, password: PASSWORD, tenant: tenantSlug } });
  if (res.status !== 200) throw new Error(`login ${user.email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const token = res.body.token as string;
  return {
    token,
    get: (p) => call(baseUrl, 'GET', p, { token }),
    post: (p, b, h) => call(baseUrl, 'POST', p, { token, body: b ?? {}, headers: h }),
    patch: (p, b) => call(baseUrl, 'PATCH', p, { token, body: b }),
    delete: (p) => call(baseUrl, 'DELETE', p, { token }),
  };
}

/** A valid unified social credit code for tests: random body + computed check character. */
export async function randomCreditCode(): Promise<string> {
  const { creditCodeCheckChar } = await import('@l2c/shared');
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let body = '91330100';
  while (body.length < 17) body += alphabet[crypto.randomInt(alphabet.length)];
  return body + creditCodeCheckChar(body);
}
