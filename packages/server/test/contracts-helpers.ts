// Shared set-up of the contract and approval tests: a tenant whose teams have managers, logged-in clients per role,
// customers with credit profiles, and contract bodies a person would write.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { asSystem, type Db } from '../src/platform/db.js';
import { call, login, makeTenant, testApp, type Client, type Res, type TestTenant } from './helpers.js';

export interface ContractsWorld {
  db: Db; baseUrl: string; t: TestTenant;
  rep: Client; repSub: Client; repNorth: Client; manager: Client; managerNorth: Client; finance: Client; exec: Client; admin: Client;
  /** The contract's status as its owner's manager sees it. */
  contractStatus(id: string): Promise<string>;
  put(client: Client, path: string, body: unknown): Promise<Res>;
}

/** Teams get managers: East → managerEast, North → managerNorth, the root Sales team → the executive. */
export async function contractsWorld(settings: Record<string, unknown> = {}): Promise<ContractsWorld> {
  const h = await testApp();
  const t = await makeTenant(h.db, settings);
  await asSystem(h.db, async (tx) => {
    await sql`update teams set manager_id = ${t.users.managerEast.id} where id = ${t.teams.east}`.execute(tx);
    await sql`update teams set manager_id = ${t.users.managerNorth.id} where id = ${t.teams.north}`.execute(tx);
    await sql`update teams set manager_id = ${t.users.exec.id} where id = ${t.teams.root}`.execute(tx);
  });
  const [rep, repSub, repNorth, manager, managerNorth, finance, exec, admin] = await Promise.all([
    login(h.baseUrl, t.users.repEast), login(h.baseUrl, t.users.repEastSub), login(h.baseUrl, t.users.repNorth),
    login(h.baseUrl, t.users.managerEast), login(h.baseUrl, t.users.managerNorth), login(h.baseUrl, t.users.finance),
    login(h.baseUrl, t.users.exec), login(h.baseUrl, t.users.admin),
  ]);
  return {
    contractStatus: async (id) => (await manager!.get(`/api/v1/contracts/${id}`)).body.status,
    put: (client, path, body) => call(h.baseUrl, 'PUT', path, { token: client.token, body }),
    db: h.db, baseUrl: h.baseUrl, t, rep: rep!, repSub: repSub!, repNorth: repNorth!, manager: manager!, managerNorth: managerNorth!, finance: finance!, exec: exec!, admin: admin! };
}

export async function newCustomer(client: Client, grade: string | null = 'B'): Promise<string> {
  const res = await client.post('/api/v1/customers', { name: `合同测试客户${crypto.randomBytes(4).toString('hex')}有限公司`, grade, allowDuplicate: true });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

export async function setCredit(db: Db, tenantId: string, customerId: string, limit: string, termDays = 30, risk = 'normal') {
  await asSystem(db, async (tx) => {
    await sql`insert into credit_profiles (tenant_id, customer_id, credit_limit, payment_term_days, risk_level)
      values (${tenantId}, ${customerId}, ${limit}::numeric, ${termDays}, ${risk})
      on conflict (tenant_id, customer_id) do update set credit_limit = excluded.credit_limit, payment_term_days = excluded.payment_term_days,
        risk_level = excluded.risk_level`.execute(tx);
  });
}

/** An order contract of one line of `qty` × `price` (13% included) and a plan of 100% on signing. */
export function orderBody(customerId: string, over: Record<string, unknown> = {}, qty = '1', price = '113000.00') {
  return {
    kind: 'order', customerId, title: '数控机床采购合同', pricesIncludeTax: true, paymentTermDays: 30,
    lines: [{ description: '数控机床 CK6150', quantity: qty, unitPrice: price, taxRate: '0.13' }],
    planTemplate: 'full_on_signing',
    ...over,
  };
}

export async function createContract(client: Client, body: Record<string, unknown>) {
  const res = await client.post('/api/v1/contracts', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

export const SIGNED_PDF = Buffer.from('%PDF-1.4\n% 合同签署页 signed by both parties\n%%EOF\n', 'utf8');

export function signBody(version?: number) {
  return {
    signedOn: '2026-03-02',
    signatories: [{ name: '王建国', party: 'customer', title: '总经理' }, { name: '李娜', party: 'company', title: '销售总监' }],
    file: { name: '合同-已签.pdf', contentType: 'application/pdf', base64: SIGNED_PDF.toString('base64') },
    ...(version ? { version } : {}),
  };
}

/** Create, submit and have every step approved by whoever is asked; returns the approved contract. */
export async function approvedContract(w: ContractsWorld, body: Record<string, unknown>, submitter = w.rep) {
  const c = await createContract(submitter, body);
  const sub = await submitter.post(`/api/v1/contracts/${c.id}/submit`, {});
  expect(sub.status, JSON.stringify(sub.body)).toBe(200);
  const byId: Record<string, Client> = {
    [w.t.users.managerEast.id]: w.manager, [w.t.users.managerNorth.id]: w.managerNorth, [w.t.users.finance.id]: w.finance,
    [w.t.users.exec.id]: w.exec, [w.t.users.admin.id]: w.admin,
  };
  for (const step of sub.body.approval.steps as Array<{ approverIds: string[] }>) {
    const approver = byId[step.approverIds[0]!]!;
    const res = await approver.post(`/api/v1/approvals/${sub.body.approval.id}/approve`, { comment: 'ok' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  const got = await submitter.get(`/api/v1/contracts/${c.id}`);
  expect(got.body.status).toBe('approved');
  return got.body;
}
