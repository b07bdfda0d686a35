// References between records are checked by the database within the tenant (migration 016): an id of another tenant
// is as unknown as a random one. Foreign keys do not go through row-level security, so before the migration another
// tenant's user, contract or team was accepted as a reference (201), and an unknown one was a 500. Each case here
// answers 4xx naming the field, and writes nothing.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { asSystem, inTenant, type Db, type Tx } from '../src/platform/db.js';
import { pgProblem } from '../src/platform/pg-errors.js';
import { call, login, makeTenant, randomCreditCode, testApp, type Client, type Res, type TestTenant } from './helpers.js';
import { createContract, newCustomer, orderBody } from './contracts-helpers.js';

let db: Db;
let baseUrl: string;
let t: TestTenant, other: TestTenant;
let finance: Client, admin: Client, rep: Client;
let customerId: string, secondCustomerId: string, ownContractId: string, foreignContractId: string;

beforeAll(async () => {
  const h = await testApp();
  db = h.db;
  baseUrl = h.baseUrl;
  [t, other] = await Promise.all([makeTenant(db), makeTenant(db)]);
  [finance, admin, rep] = await Promise.all([login(baseUrl, t.users.finance), login(baseUrl, t.users.admin), login(baseUrl, t.users.repEast)]);
  const otherRep = await login(baseUrl, other.users.repEast);
  customerId = await newCustomer(rep);
  secondCustomerId = await newCustomer(rep);
  ownContractId = (await createContract(rep, orderBody(secondCustomerId))).id;
  foreignContractId = (await createContract(otherRep, orderBody(await newCustomer(otherRep)))).id;
});

/** The problem names `field` among its errors. */
function names(res: Res, field: string) {
  expect(res.body?.errors?.map((e: { path: string }) => e.path), JSON.stringify(res.body)).toContain(field);
}

async function receivablesOf(customer: string): Promise<number> {
  const res = await finance.get(`/api/v1/receivables?customerId=${customer}&limit=100`);
  expect(res.status).toBe(200);
  return res.body.items.length;
}

const receivable = (over: Record<string, unknown>) =>
  ({ customerId, amount: '1000.00', dueDate: '2026-12-31', reason: '期初应收导入', ...over });

describe('receivables: owner and contract must be of the tenant', () => {
  it('another tenant\'s user as ownerId → 422 naming ownerId, nothing booked', async () => {
    const res = await finance.post('/api/v1/receivables', receivable({ ownerId: other.users.repEast.id }));
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('common.reference_not_found');
    names(res, 'ownerId');
    expect(await receivablesOf(customerId)).toBe(0);
  });

  it('an unknown ownerId → 422 naming ownerId (was a 500)', async () => {
    const res = await finance.post('/api/v1/receivables', receivable({ ownerId: crypto.randomUUID() }));
    expect(res.status).toBe(422);
    names(res, 'ownerId');
    expect(await receivablesOf(customerId)).toBe(0);
  });

  it('another tenant\'s contract, an unknown one, or another customer\'s → 422 naming contractId, nothing booked', async () => {
    for (const contractId of [foreignContractId, crypto.randomUUID(), ownContractId]) {
      const res = await finance.post('/api/v1/receivables', receivable({ contractId }));
      expect(res.status, contractId).toBe(422);
      names(res, 'contractId');
    }
    expect(await receivablesOf(customerId)).toBe(0);
  });

  it('the tenant\'s own owner and contract are accepted', async () => {
    const res = await finance.post('/api/v1/receivables', receivable({ customerId: secondCustomerId, contractId: ownContractId, ownerId: t.users.repEast.id }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.contract.id).toBe(ownContractId);
    expect(res.body.owner.id).toBe(t.users.repEast.id);
    expect(await receivablesOf(secondCustomerId)).toBe(1);
  });
});

describe('customers and contracts: every other id field is checked within the tenant', () => {
  // 4xx naming the field, never 201 and never 500; which 4xx is the service's choice (a check of its own, or the
  // foreign key through platform/pg-errors.ts).
  async function refused(res: Res, field: string) {
    expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(400);
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
    names(res, field);
  }
  const foreignCustomer = async () => newCustomer(await login(baseUrl, other.users.repNorth));

  it('POST /customers with another tenant\'s owner or parent', async () => {
    const manager = await login(baseUrl, t.users.managerEast);
    await refused(await manager.post('/api/v1/customers', { name: `外部负责人${crypto.randomBytes(3).toString('hex')}有限公司`, ownerId: other.users.repEast.id, allowDuplicate: true }), 'ownerId');
    await refused(await rep.post('/api/v1/customers', { name: `外部母公司${crypto.randomBytes(3).toString('hex')}有限公司`, parentId: await foreignCustomer(), allowDuplicate: true }), 'parentId');
  });

  it('POST /customers/:id/assign to another tenant\'s user', async () => {
    const manager = await login(baseUrl, t.users.managerEast);
    const c = (await rep.get(`/api/v1/customers/${customerId}`)).body;
    await refused(await manager.post(`/api/v1/customers/${customerId}/assign`, { ownerId: other.users.repEast.id, version: c.version }), 'ownerId');
    expect((await rep.get(`/api/v1/customers/${customerId}`)).body.version).toBe(c.version);
  });

  it('POST /customers/:id/followups with another tenant\'s contact, or one of another customer', async () => {
    const otherRep = await login(baseUrl, other.users.repNorth);
    const theirCustomer = await newCustomer(otherRep);
    const theirContact = (await otherRep.post(`/api/v1/customers/${theirCustomer}/contacts`, { name: '外部联系人' })).body.id;
    const ownContact = (await rep.post(`/api/v1/customers/${secondCustomerId}/contacts`, { name: '别家联系人' })).body.id;
    for (const contactId of [theirContact, ownContact]) {
      await refused(await rep.post(`/api/v1/customers/${customerId}/followups`, { kind: 'call', content: '电话回访', contactId }), 'contactId');
    }
  });

  it('POST /contracts with another tenant\'s owner or framework agreement, or an unknown one', async () => {
    await refused(await rep.post('/api/v1/contracts', orderBody(customerId, { ownerId: other.users.repEast.id })), 'ownerId');
    await refused(await rep.post('/api/v1/contracts', orderBody(customerId, { frameworkId: foreignContractId })), 'frameworkId');
    await refused(await rep.post('/api/v1/contracts', orderBody(customerId, { frameworkId: crypto.randomUUID() })), 'frameworkId');
  });
});

describe('users and teams: managers, parents and teams must be of the tenant', () => {
  it('POST /teams with another tenant\'s user as manager, or an unknown one → 422 naming managerId', async () => {
    for (const managerId of [other.users.managerEast.id, crypto.randomUUID()]) {
      const res = await admin.post('/api/v1/teams', { name: `外部经理 ${managerId.slice(0, 8)}`, managerId });
      expect(res.status).toBe(422);
      names(res, 'managerId');
    }
    const teams = (await admin.get('/api/v1/teams')).body.items.map((x: { name: string }) => x.name);
    expect(teams.filter((n: string) => n.startsWith('外部经理'))).toEqual([]);
  });

  it('POST /teams with another tenant\'s team as parent → 4xx naming parentId', async () => {
    const res = await admin.post('/api/v1/teams', { name: '外部上级', parentId: other.teams.root });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    names(res, 'parentId');
  });

  it('POST /users with another tenant\'s team → 422 naming teamId, no user created', async () => {
    const email = `foreign-team-${crypto.randomBytes(3).toString('hex')}@${t.slug}.test`;
    const res = await admin.post('/api/v1/users', { email, name: '外部团队', role: 'sales_rep', teamId: other.teams.east, password: 'long-enough-1' });
    expect(res.status).toBe(422);
    names(res, 'teamId');
    expect((await admin.get(`/api/v1/users?q=${encodeURIComponent(email)}`)).body.items).toEqual([]);
  });

  it('PATCH /users/:id to another tenant\'s team → 4xx naming teamId, the user stays in their team', async () => {
    const u = (await admin.get(`/api/v1/users?q=${encodeURIComponent(t.users.repNorth.email)}`)).body.items[0];
    const res = await admin.patch(`/api/v1/users/${u.id}`, { teamId: other.teams.north, version: u.version });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    names(res, 'teamId');
    expect((await admin.get(`/api/v1/users?q=${encodeURIComponent(t.users.repNorth.email)}`)).body.items[0].teamId).toBe(t.teams.north);
  });

  it('PATCH /teams/:id with another tenant\'s manager or parent → 422 naming the field, the team unchanged', async () => {
    const a = await admin.patch(`/api/v1/teams/${t.teams.north}`, { managerId: other.users.managerNorth.id });
    expect(a.status).toBe(422);
    names(a, 'managerId');
    const b = await admin.patch(`/api/v1/teams/${t.teams.north}`, { parentId: other.teams.root });
    expect(b.status).toBe(422);
    names(b, 'parentId');
    const north = (await admin.get('/api/v1/teams')).body.items.find((x: { id: string }) => x.id === t.teams.north);
    expect(north).toMatchObject({ parentId: t.teams.root, managerId: null });
  });

  it('PATCH /teams/:id to the name of another team → 409 naming name (was a 500)', async () => {
    const res = await admin.patch(`/api/v1/teams/${t.teams.north}`, { name: 'East' });
    expect(res.status).toBe(409);
    names(res, 'name');
  });
});

describe('approval definitions: a named approver must be a user of the tenant', () => {
  const definition = (userId: string) => ({
    name: '合同审批（指定审批人）',
    rules: {
      rules: [{ name: '大额', when: { fact: 'amount', op: '>=', value: 1000000 }, steps: [{ name: '总经理', approver: { type: 'role', role: 'executive' } }] }],
      otherwise: [{ name: '指定审批人', approver: { type: 'user', userId } }],
    },
  });
  const put = (body: unknown) => call(baseUrl, 'PUT', '/api/v1/approvals/definitions/contract', { token: admin.token, body });

  it('another tenant\'s user, or an unknown one → 422 naming the step\'s approver, nothing stored', async () => {
    for (const userId of [other.users.managerEast.id, crypto.randomUUID()]) {
      const res = await put(definition(userId));
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('approvals.approver_not_found');
      names(res, 'rules.otherwise.0.approver.userId');
    }
    const stored = (await admin.get('/api/v1/approvals/definitions')).body.items.find((d: { docType: string }) => d.docType === 'contract');
    expect(stored.builtIn).toBe(true);
  });

  it('a user of the tenant is accepted', async () => {
    const res = await put(definition(t.users.managerEast.id));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.rules.otherwise[0].approver.userId).toBe(t.users.managerEast.id);
  });
});

describe('the safety net: database errors a request can provoke become problems naming the field', () => {
  // As a request runs: the application role under row-level security, where PostgreSQL leaves out the Detail.
  const failing = (statement: (tx: Tx) => Promise<unknown>) =>
    inTenant(db, { tenantId: t.tenantId, userId: t.users.admin.id }, statement).then(() => null, (e: unknown) => e);

  it('a foreign key → 422 common.reference_not_found naming the column in camelCase', async () => {
    const err = await failing((tx) => sql`insert into contract_files (tenant_id, contract_id, file_name, content_type, size_bytes, sha256, content, uploaded_by)
      values (${t.tenantId}, ${ownContractId}, 'a.pdf', 'application/pdf', 1, ${'0'.repeat(64)}, '\\x00', ${other.users.admin.id})`.execute(tx));
    const p = pgProblem(err);
    expect([p?.status, p?.code, p?.extra.errors]).toEqual([422, 'common.reference_not_found', [{ path: 'uploadedBy', message: 'does not exist' }]]);
  });

  it('a unique key → 409 common.duplicate naming the columns but the tenant; a partial unique index too', async () => {
    const team = pgProblem(await failing((tx) => sql`insert into teams (tenant_id, name) values (${t.tenantId}, 'East')`.execute(tx)));
    expect([team?.status, team?.code, team?.extra.errors]).toEqual([409, 'common.duplicate', [{ path: 'name', message: 'already exists' }]]);
    const code = await randomCreditCode();
    const customer = (name: string) => sql`insert into customers (tenant_id, number, name, name_key, credit_code, owner_id)
      values (${t.tenantId}, ${`KH-T-${name}`}, ${name}, ${name}, ${code}, ${t.users.admin.id})`;
    const dup = pgProblem(await failing(async (tx) => { await customer('甲').execute(tx); await customer('乙').execute(tx); }));
    expect(dup?.extra.errors).toEqual([{ path: 'creditCode', message: 'already exists' }]);
  });

  it('deleting a row others refer to → 409 common.in_use; impossible values → 400 common.invalid', async () => {
    const inUse = pgProblem(await failing((tx) => sql`delete from users where id = ${t.users.repEast.id}`.execute(tx)));
    // the application role may not delete users at all; as the owner the reference is what stops it
    const asOwner = await asSystem(db, (tx) => sql`delete from users where tenant_id = ${t.tenantId} and id = ${t.users.repEast.id}`.execute(tx)).then(() => null, (e: unknown) => e);
    expect(pgProblem(asOwner)?.code).toBe('common.in_use');
    expect(inUse === null || inUse.status < 500).toBe(true);
    for (const value of [sql`${'2026-02-30'}::date`, sql`${'abc'}::uuid`, sql`${'1e20'}::numeric(18,2)`]) {
      const p = pgProblem(await failing((tx) => sql`select ${value}`.execute(tx)));
      expect([p?.status, p?.code], JSON.stringify(p)).toEqual([400, 'common.invalid']);
      expect(p?.extra.errors?.[0]?.path).toBe('body');
    }
  });

  it('anything else is not the client\'s fault: no problem, the handler answers 500', async () => {
    expect(pgProblem(await failing((tx) => sql`select * from no_such_table`.execute(tx)))).toBeNull();
    expect(pgProblem(new Error('boom'))).toBeNull();
  });
});

describe('the database itself refuses a reference across tenants', () => {
  it('even as the owner role, bypassing the services and row-level security', async () => {
    const err = await asSystem(db, (tx) =>
      sql`update customers set owner_id = ${other.users.repEast.id} where tenant_id = ${t.tenantId} and id = ${customerId}`.execute(tx),
    ).then(() => null, (e: { code?: string; constraint?: string }) => e);
    expect(err?.code).toBe('23503');
    expect(err?.constraint).toBe('customers_owner_id_fkey');
  });
});
