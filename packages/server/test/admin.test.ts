// The admin's screens through their API: users (invite with a one-time link, reset, sessions and tokens), the company
// profile other areas print, and the default credit limit per grade that keeps a new customer within credit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import { inTenant } from '../src/platform/db.js';
import { readCompanyProfile } from '../src/platform/tenants.js';
import { call, login, makeTenant, ownApp, type Client, type TestTenant } from './helpers.js';
import { createContract, orderBody, setCredit } from './contracts-helpers.js';

let h: Awaited<ReturnType<typeof ownApp>>;
let t: TestTenant;
let admin: Client, finance: Client, rep: Client;

// Its own app: the public link routes are rate-limited per address, and the shared app's counters are spent by the
// files that ran before in this worker (fuzz.test sends them 30 bodies each).
beforeAll(async () => {
  h = await ownApp();
  t = await makeTenant(h.db);
  [admin, finance, rep] = await Promise.all([login(h.baseUrl, t.users.admin), login(h.baseUrl, t.users.finance), login(h.baseUrl, t.users.repEast)]);
});

afterAll(async () => { await h.l2c.app.close(); });

const anon = (method: string, path: string, body?: unknown) => call(h.baseUrl, method, path, { body });

describe('users', () => {
  it('an invited user opens the link once, chooses a password and logs in', async () => {
    const email = `new-${crypto.randomBytes(3).toString('hex')}@${t.slug}.test`;
    const made = await admin.post('/api/v1/users', { email, name: '新同事', role: 'sales_rep', teamId: t.teams.east });
    expect(made.status).toBe(201);
    expect(made.body.invite).toMatchObject({ purpose: 'invite', linkPath: expect.stringMatching(/^\/set-password#l2cp_/) });
    const token = made.body.invite.token as string;
    const listed = (await admin.get(`/api/v1/users?q=${encodeURIComponent('新同事')}`)).body.items[0];
    expect(listed).toMatchObject({ email, invited: true, active: true });
    // no password yet: nothing logs in
    expect((await anon('POST', '/api/v1/auth/login', { email, password: 'anything-at-all' })).status).toBe(401);
    const seen = await anon('POST', '/api/v1/auth/password-link/inspect', { token });
    expect(seen.body).toMatchObject({ purpose: 'invite', email, name: '新同事', tenant: t.slug });
    expect((await anon('POST', '/api/v1/auth/password-link', { token, password: 'chosen-pass-1' })).body).toEqual({ email, tenant: t.slug });
    expect((await anon('POST', '/api/v1/auth/login', { email, password: 'chosen-pass-1' })).status).toBe(200);
    // once only
    const again = await anon('POST', '/api/v1/auth/password-link', { token, password: 'other-pass-2' });
    expect([again.status, again.body.code]).toEqual([404, 'identity.link_invalid']);
    expect((await admin.get(`/api/v1/users?q=${encodeURIComponent('新同事')}`)).body.items[0].invited).toBe(false);
    const audit = (await admin.get(`/api/v1/audit?entityType=user&entityId=${made.body.id}`)).body.items.map((e: { action: string }) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['create', 'invite', 'set_password']));
  });

  it('a reset ends the old password and every session at once; the new link sets a new one', async () => {
    const email = `reset-${crypto.randomBytes(3).toString('hex')}@${t.slug}.test`;
    const made = await admin.post('/api/v1/users', { email, name: '重置用户', role: 'finance', password: 'old-password-1' });
    const session = await login(h.baseUrl, { email }).catch(() => null); // PASSWORD differs: log in by hand
    expect(session).toBeNull();
    const s1 = (await anon('POST', '/api/v1/auth/login', { email, password: 'old-password-1' })).body.token as string;
    expect((await call(h.baseUrl, 'GET', '/api/v1/auth/me', { token: s1 })).status).toBe(200);
    const tokens = await admin.get(`/api/v1/users/${made.body.id}/tokens`);
    expect(tokens.body.items).toEqual([expect.objectContaining({ kind: 'session' })]);
    const link = await admin.post(`/api/v1/users/${made.body.id}/password-link`, { purpose: 'reset' });
    expect(link.status).toBe(201);
    expect((await call(h.baseUrl, 'GET', '/api/v1/auth/me', { token: s1 })).status).toBe(401);
    expect((await anon('POST', '/api/v1/auth/login', { email, password: 'old-password-1' })).status).toBe(401);
    expect((await admin.get(`/api/v1/users/${made.body.id}/tokens`)).body.items).toEqual([]);
    await anon('POST', '/api/v1/auth/password-link', { token: link.body.token, password: 'new-password-2' });
    expect((await anon('POST', '/api/v1/auth/login', { email, password: 'new-password-2' })).status).toBe(200);
    // an admin cannot reset herself (she would lock herself out)
    expect((await admin.post(`/api/v1/users/${t.users.admin.id}/password-link`, { purpose: 'reset' })).status).toBe(400);
  });

  it('an admin ends one session of a user; other roles may not', async () => {
    const s = await login(h.baseUrl, t.users.marketer);
    const items = (await admin.get(`/api/v1/users/${t.users.marketer.id}/tokens`)).body.items as Array<{ id: string }>;
    expect(items.length).toBeGreaterThan(0);
    for (const it of items) expect((await admin.delete(`/api/v1/users/${t.users.marketer.id}/tokens/${it.id}`)).status).toBe(204);
    expect((await s.get('/api/v1/auth/me')).status).toBe(401);
    expect((await finance.get(`/api/v1/users/${t.users.marketer.id}/tokens`)).status).toBe(403);
    expect((await finance.post(`/api/v1/users/${t.users.marketer.id}/password-link`, { purpose: 'reset' })).status).toBe(403);
    expect((await admin.delete(`/api/v1/users/${t.users.marketer.id}/tokens/${crypto.randomUUID()}`)).status).toBe(404);
  });

  it('a bad or made-up link is one answer', async () => {
    const r = await anon('POST', '/api/v1/auth/password-link/inspect', { token: `l2cp_${crypto.randomBytes(32).toString('base64url')}` });
    expect([r.status, r.body.code]).toEqual([404, 'identity.link_invalid']);
    expect((await anon('POST', '/api/v1/auth/password-link', { token: 'l2cp_x', password: 'short' })).status).toBe(400);
  });
});

describe('company profile', () => {
  it('starts as the tenant name, is set by the admin, audited, and read by other areas', async () => {
    expect((await admin.get('/api/v1/settings/company')).body).toMatchObject({ legalName: `Tenant ${t.slug}`, taxpayerId: null, bankAccounts: [] });
    const profile = {
      legalName: '杭州云帆智能科技有限公司', taxpayerId: '91330100MA2KXXXX0X', address: '杭州市滨江区网商路 599 号', phone: '0571-88886666',
      bankAccounts: [{ bank: '招商银行杭州分行', accountName: '杭州云帆智能科技有限公司', accountNumber: '571900000000001' }],
      logo: `data:image/png;base64,${Buffer.from('png-bytes').toString('base64')}`,
    };
    const put = await call(h.baseUrl, 'PUT', '/api/v1/settings/company', { token: admin.token, body: profile });
    expect(put.status).toBe(200);
    expect(put.body).toEqual(profile);
    const read = await inTenant(h.db, { tenantId: t.tenantId, userId: null }, (tx) => readCompanyProfile(tx));
    expect(read).toMatchObject({ legalName: '杭州云帆智能科技有限公司', taxpayerId: '91330100MA2KXXXX0X' });
    const audit = (await admin.get(`/api/v1/audit?entityType=company_profile&entityId=${t.tenantId}`)).body.items[0];
    expect(audit.changes).toEqual(expect.arrayContaining([{ field: 'legalName', before: `Tenant ${t.slug}`, after: '杭州云帆智能科技有限公司' }]));
    expect((await call(h.baseUrl, 'PUT', '/api/v1/settings/company', { token: finance.token, body: profile })).status).toBe(403);
    const badLogo = await call(h.baseUrl, 'PUT', '/api/v1/settings/company', { token: admin.token, body: { ...profile, logo: 'javascript:alert(1)' } });
    expect([badLogo.status, badLogo.body.errors[0].path]).toEqual([400, 'logo']);
  });
});

describe('credit limits', () => {
  it('a new customer gets its grade\'s default limit; a limit set for it wins; available = limit − open − committed', async () => {
    const customer = (await rep.post('/api/v1/customers', { name: `信用默认客户${crypto.randomBytes(3).toString('hex')}有限公司`, grade: 'A', allowDuplicate: true })).body;
    const before = await finance.get(`/api/v1/customers/${customer.id}/credit-position`);
    expect(before.body).toMatchObject({ limit: '0.00', available: '0.00', limitSource: 'grade_default', gradeDefault: null, grade: 'A' });
    const set = await call(h.baseUrl, 'PUT', '/api/v1/settings/credit', { token: admin.token, body: { defaultLimits: { A: '500000.00', B: '200000.00', C: '50000.00', D: null } } });
    expect(set.status).toBe(200);
    expect(set.body.defaultLimits).toEqual({ A: '500000.00', B: '200000.00', C: '50000.00', D: null });
    const withDefault = await rep.get(`/api/v1/customers/${customer.id}/credit-position`);
    expect(withDefault.body).toMatchObject({ limit: '500000.00', open: '0.00', committed: '0.00', available: '500000.00', limitSource: 'grade_default', gradeDefault: '500000.00' });
    // a contract submitted now is within credit: no finance step for it
    const c = await createContract(rep, orderBody(customer.id));
    const sub = await rep.post(`/api/v1/contracts/${c.id}/submit`, {});
    expect(sub.body.compliance.issues.map((i: { code: string }) => i.code)).not.toContain('credit_exceeded');
    // finance sets this customer's own limit: it wins over the default
    const own = await call(h.baseUrl, 'PUT', `/api/v1/customers/${customer.id}/credit-profile`, { token: finance.token, body: { creditLimit: '80000.00', paymentTermDays: 45, riskLevel: 'normal' } });
    expect(own.status).toBe(204);
    const after = (await finance.get(`/api/v1/customers/${customer.id}/credit-position`)).body;
    expect(after).toMatchObject({ limit: '80000.00', limitSource: 'profile', paymentTermDays: 45 });
    expect(after.available).toBe((80000 - Number(after.open) - Number(after.committed)).toFixed(2));
    expect((await admin.get(`/api/v1/audit?entityType=tenant_settings&entityId=${t.tenantId}`)).body.items[0].changes)
      .toEqual(expect.arrayContaining([{ field: 'defaultCreditLimitA', before: null, after: '500000.00' }]));
    expect((await call(h.baseUrl, 'PUT', '/api/v1/settings/credit', { token: finance.token, body: set.body })).status).toBe(403);
    // other reps do not see the customer's position
    const other = await login(h.baseUrl, t.users.repNorth);
    expect((await other.get(`/api/v1/customers/${customer.id}/credit-position`)).status).toBe(404);
  });

  it('a limit written directly (demo, older data) stays the customer\'s own', async () => {
    const customer = (await rep.post('/api/v1/customers', { name: `信用直写客户${crypto.randomBytes(3).toString('hex')}有限公司`, grade: 'B', allowDuplicate: true })).body;
    await setCredit(h.db, t.tenantId, customer.id, '1000.00');
    expect((await rep.get(`/api/v1/customers/${customer.id}/credit-position`)).body).toMatchObject({ limit: '1000.00', limitSource: 'profile' });
  });
});
