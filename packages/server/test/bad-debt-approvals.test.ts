// Bad debt 坏账 through the approval engine (document type bad_debt): a request opens an approval whose step is a
// second person with the approve right (an executive or an admin, never the requester; an executive from 50,000),
// decided in the approval inbox like a contract; the final approval books the bad-debt write-off in the same
// transaction, once; a rejection or return closes the request. Handlers are registered explicitly at start-up, and a
// missing one stops the server. Requests pending before migration 018 get their approval. Amounts to the cent.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { asSystem, inTenant } from '../src/platform/db.js';
import { APPROVAL_HANDLERS, createApp } from '../src/app.js';
import { registerApprovalHandlers, type ApprovalHandler, type ApprovalHandlers } from '../src/domains/approvals/index.js';
import { badDebtApprovalHandler } from '../src/flows/write-off/index.js';
import { login, makeTenant, testApp, type Client, type TestTenant } from './helpers.js';

let h: Awaited<ReturnType<typeof testApp>>;
let t: TestTenant;
let finance: Client;
let exec: Client;
let admin: Client;
let manager: Client;
let customerId: string;

async function receivable(amount: string) {
  const res = await finance.post('/api/v1/receivables', { customerId, amount, taxAmount: '0.00', dueDate: '2026-03-31', reason: '期初应收导入' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.id as string, number: res.body.number as string };
}

async function request(who: Client, receivableId: string, body: { amount?: string; reason: string }) {
  const res = await who.post(`/api/v1/receivables/${receivableId}/bad-debt-requests`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; amount: string; status: string; approvalId: string };
}

async function writeOffsOf(receivableId: string) {
  return asSystem(h.db, async (tx) => (await sql<{ kind: string; amount: string }>`select w.kind, a.amount::text as amount
    from allocations a join write_offs w on w.tenant_id = a.tenant_id and w.id = a.write_off_id where a.receivable_id = ${receivableId}`.execute(tx)).rows);
}

beforeAll(async () => {
  h = await testApp();
  t = await makeTenant(h.db);
  [finance, exec, admin, manager] = await Promise.all([
    login(h.baseUrl, t.users.finance), login(h.baseUrl, t.users.exec), login(h.baseUrl, t.users.admin), login(h.baseUrl, t.users.managerEast),
  ]);
  customerId = (await (await login(h.baseUrl, t.users.repEast)).post('/api/v1/customers', { name: '杭州坏账审批测试有限公司' })).body.id;
});

describe('approval handlers are registered at start-up by type-checked keys', () => {
  const noop: ApprovalHandler = { onDecided: async () => {} };

  it('a missing or misspelled document type does not compile', () => {
    // @ts-expect-error bad_debt has no handler
    const missing: ApprovalHandlers = { contract: noop, contract_amendment: noop };
    // @ts-expect-error bad_dept is not a document type
    const misspelled: ApprovalHandlers = { contract: noop, contract_amendment: noop, bad_debt: noop, bad_dept: noop };
    expect([missing, misspelled]).toHaveLength(2);
    expect(Object.keys(APPROVAL_HANDLERS).sort()).toEqual(['bad_debt', 'contract', 'contract_amendment', 'credit_limit', 'invoice_request', 'quote']);
  });

  it('the server refuses to start when a handler is missing (a cast the compiler did not see)', async () => {
    const partial = { contract: noop, contract_amendment: noop } as unknown as ApprovalHandlers;
    await expect(createApp({ logLevel: 'warn', jobs: false, demo: false, webDist: null }, { db: h.db, approvalHandlers: partial }))
      .rejects.toThrow('approval handlers: missing bad_debt');
    expect(() => registerApprovalHandlers({ ...APPROVAL_HANDLERS, order: noop } as unknown as ApprovalHandlers)).toThrow('unknown order');
    // The running server still has them all: a bad-debt decision works (below) and the definitions list them.
    const defs = await admin.get('/api/v1/approvals/definitions');
    expect(defs.body.items.map((d: { docType: string; builtIn: boolean }) => [d.docType, d.builtIn])).toEqual([
      ['bad_debt', true], ['contract', true], ['contract_amendment', true], ['credit_limit', true], ['invoice_request', true], ['quote', true],
    ]);
  });
});

describe('a bad-debt request is an approval document', () => {
  it('is submitted with its facts; its step waits for the executive and the admin, never the requesting finance user', async () => {
    const r = await receivable('3000.00');
    const req = await request(finance, r.id, { amount: '1200.50', reason: '客户停业，部分无法收回' });
    expect(req).toMatchObject({ amount: '1200.50', status: 'pending', approvalId: expect.any(String) });

    const approval = await exec.get(`/api/v1/approvals/${req.approvalId}`);
    expect(approval.status).toBe(200);
    expect(approval.body).toMatchObject({
      docType: 'bad_debt', docId: req.id, docNumber: r.number, status: 'pending', currentStep: 1,
      title: '杭州坏账审批测试有限公司 · 客户停业，部分无法收回',
      facts: { amount: '1200.50', currency: 'CNY', amountOpen: '3000.00', reason: '客户停业，部分无法收回', customerName: '杭州坏账审批测试有限公司' },
      submittedBy: { id: t.users.finance.id },
    });
    expect(approval.body.steps.map((s: { name: string; status: string; approvers: Array<{ id: string }> }) => [s.name, s.status, s.approvers.map((a) => a.id).sort()]))
      .toEqual([['Second approver', 'pending', [t.users.admin.id, t.users.exec.id].sort()]]);

    for (const who of [exec, admin]) {
      const inbox = await who.get('/api/v1/approvals/inbox?docType=bad_debt');
      expect(inbox.body.items).toContainEqual(expect.objectContaining({
        id: req.approvalId, docType: 'bad_debt', docId: req.id, docNumber: r.number, stepName: 'Second approver', subjectType: 'receivable', subjectId: r.id,
      }));
    }
    for (const who of [finance, manager]) {
      expect((await who.get('/api/v1/approvals/inbox')).body.items.some((i: { id: string }) => i.id === req.approvalId)).toBe(false);
    }
    // The same request in the bad-debt list's "awaiting me", from the engine's pending step.
    const awaiting = await exec.get(`/api/v1/bad-debt-requests?mine=awaiting&receivableId=${r.id}`);
    expect(awaiting.body.items.map((i: { id: string }) => i.id)).toEqual([req.id]);
    // The approver is notified, the way contract approvals are.
    const notices = await asSystem(h.db, async (tx) => (await sql<{ kind: string }>`select kind from notifications
      where user_id = ${t.users.exec.id} and entity_id = ${r.id}`.execute(tx)).rows);
    expect(notices).toEqual([{ kind: 'approval.pending' }]);
  });

  it('approved in the inbox: the write-off is booked in the same transaction, the request shows its decider', async () => {
    const r = await receivable('5000.00');
    const req = await request(finance, r.id, { amount: '4321.09', reason: '客户破产清算' });
    const ok = await admin.post(`/api/v1/approvals/${req.approvalId}/approve`, { comment: '同意核销' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ status: 'approved', steps: [{ status: 'approved', actedBy: { id: t.users.admin.id } }] });

    const after = await finance.get(`/api/v1/bad-debt-requests/${req.id}`);
    expect(after.body).toMatchObject({ status: 'approved', decidedBy: { id: t.users.admin.id }, decisionComment: '同意核销', writeOffId: expect.any(String) });
    expect((await finance.get(`/api/v1/write-offs/${after.body.writeOffId}`)).body).toMatchObject({ kind: 'bad_debt', total: '4321.09' });
    expect((await finance.get(`/api/v1/receivables/${r.id}`)).body).toMatchObject({ amountOpen: '678.91', badDebtAmount: '4321.09' });
    // Deciding again: the engine's request is closed, and so is the bad-debt request.
    expect((await exec.post(`/api/v1/approvals/${req.approvalId}/approve`, {})).status).toBe(409);
    const again = await exec.post(`/api/v1/bad-debt-requests/${req.id}/approve`, {});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('receivables.bad_debt_request_closed');

    // The handler is idempotent: called again for the same decision it books nothing more.
    await inTenant(h.db, { tenantId: t.tenantId, userId: t.users.admin.id }, (tx) => badDebtApprovalHandler.onDecided(tx, { tenantId: t.tenantId, userId: t.users.admin.id }, {
      requestId: req.approvalId, docType: 'bad_debt', docId: req.id, outcome: 'approved', comment: null, facts: {},
    }));
    expect(await writeOffsOf(r.id)).toEqual([{ kind: 'bad_debt', amount: '4321.09' }]);
    // …and refuses the opposite decision on a closed request rather than rewrite it.
    await expect(inTenant(h.db, { tenantId: t.tenantId, userId: t.users.admin.id }, (tx) => badDebtApprovalHandler.onDecided(tx, { tenantId: t.tenantId, userId: t.users.admin.id }, {
      requestId: req.approvalId, docType: 'bad_debt', docId: req.id, outcome: 'rejected', comment: null, facts: {},
    }))).rejects.toMatchObject({ code: 'receivables.bad_debt_request_closed' });
  });

  it('rejected or returned in the inbox: the request is closed, nothing is booked, a new request may follow', async () => {
    const r = await receivable('800.00');
    const first = await request(finance, r.id, { reason: '联系不上客户' });
    expect((await exec.post(`/api/v1/approvals/${first.approvalId}/reject`, { comment: '继续催收' })).status).toBe(200);
    expect((await finance.get(`/api/v1/bad-debt-requests/${first.id}`)).body).toMatchObject({ status: 'rejected', decidedBy: { id: t.users.exec.id }, decisionComment: '继续催收', writeOffId: null });

    const second = await request(finance, r.id, { amount: '800.00', reason: '再次申请' });
    expect((await exec.post(`/api/v1/approvals/${second.approvalId}/return`, { comment: '补充法院文书' })).status).toBe(200);
    expect((await finance.get(`/api/v1/bad-debt-requests/${second.id}`)).body).toMatchObject({ status: 'rejected', decisionComment: '补充法院文书' });
    expect((await finance.get(`/api/v1/receivables/${r.id}`)).body).toMatchObject({ amountOpen: '800.00', badDebtAmount: '0.00' });
    expect(await writeOffsOf(r.id)).toEqual([]);
    // The requester hears of the outcome.
    const notices = await asSystem(h.db, async (tx) => (await sql<{ kind: string }>`select kind from notifications
      where user_id = ${t.users.finance.id} and entity_id = ${r.id} order by created_at`.execute(tx)).rows);
    expect(notices.map((n) => n.kind)).toEqual(['approval.rejected', 'approval.returned']);
  });

  it('the old decision route decides through the engine: same step, same audit, and the admin may not decide their own', async () => {
    const r = await receivable('640.00');
    const own = await request(admin, r.id, { amount: '40.00', reason: '尾差' });
    const self = await admin.post(`/api/v1/bad-debt-requests/${own.id}/approve`, {});
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('receivables.self_approval');
    const ok = await exec.post(`/api/v1/bad-debt-requests/${own.id}/approve`, { comment: 'ok' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ id: own.id, status: 'approved', writeOffId: expect.any(String), approvalId: own.approvalId });
    const approval = (await admin.get(`/api/v1/approvals/${own.approvalId}`)).body;
    expect(approval).toMatchObject({ status: 'approved', steps: [{ status: 'approved', actedBy: { id: t.users.exec.id }, comment: 'ok' }] });
    const audit = await asSystem(h.db, async (tx) => (await sql<{ action: string }>`select action from audit_log
      where entity_id = ${r.id} order by at`.execute(tx)).rows.map((a) => a.action));
    expect(audit).toEqual(expect.arrayContaining(['request_bad_debt', 'approval_submit', 'approval_approve']));
    expect((await finance.get(`/api/v1/receivables/${r.id}`)).body).toMatchObject({ amountOpen: '600.00', badDebtAmount: '40.00' });
  });

  it('from 50,000 the step is the executive alone: the admin is not asked', async () => {
    const r = await receivable('80000.00');
    const big = await request(finance, r.id, { amount: '50000.00', reason: '客户破产，法院终结执行' });
    const approval = (await exec.get(`/api/v1/approvals/${big.approvalId}`)).body;
    expect(approval.steps.map((s: { name: string; rule: string | null; approvers: Array<{ id: string }> }) => [s.name, s.rule, s.approvers.map((a) => a.id)]))
      .toEqual([['Executive', 'Write-off of 50,000 or more', [t.users.exec.id]]]);
    expect((await admin.get('/api/v1/bad-debt-requests?mine=awaiting')).body.items.some((i: { id: string }) => i.id === big.id)).toBe(false);
    const byAdmin = await admin.post(`/api/v1/bad-debt-requests/${big.id}/approve`, {});
    expect(byAdmin.status).toBe(403);
    expect(byAdmin.body.code).toBe('approvals.not_your_step');
    expect((await exec.post(`/api/v1/approvals/${big.approvalId}/approve`, {})).status).toBe(200);
    expect((await finance.get(`/api/v1/receivables/${r.id}`)).body).toMatchObject({ amountOpen: '30000.00', badDebtAmount: '50000.00' });
  });

  it('a receivable paid down meanwhile refuses the approval: neither the decision nor a write-off is kept', async () => {
    const r = await receivable('1000.00');
    const req = await request(finance, r.id, { amount: '1000.00', reason: '客户失联' });
    const credit = await finance.post(`/api/v1/receivables/${r.id}/credit-notes`, { amount: '100.00', reason: '价格调整' });
    expect(credit.status).toBe(201);
    const refused = await exec.post(`/api/v1/approvals/${req.approvalId}/approve`, {});
    expect(refused.status).toBe(409);
    expect((await exec.get(`/api/v1/approvals/${req.approvalId}`)).body).toMatchObject({ status: 'pending', steps: [{ status: 'pending' }] });
    expect((await finance.get(`/api/v1/bad-debt-requests/${req.id}`)).body).toMatchObject({ status: 'pending', writeOffId: null });
    expect(await writeOffsOf(r.id)).toEqual([{ kind: 'apply', amount: '100.00' }]);
    // Rejecting it still works: the request closes and the receivable keeps its 900.00 open.
    expect((await exec.post(`/api/v1/approvals/${req.approvalId}/reject`, { comment: '金额已变' })).status).toBe(200);
    expect((await finance.get(`/api/v1/receivables/${r.id}`)).body).toMatchObject({ amountOpen: '900.00', badDebtAmount: '0.00' });
  });
});

describe('migration 018: requests pending before the engine took bad debt over', () => {
  it('get an approval request with the built-in step, decidable in the inbox', async () => {
    const r = await receivable('2222.22');
    // A request as the old flow made it: a row, no approval.
    const id = await asSystem(h.db, async (tx) => (await sql<{ id: string }>`insert into bad_debt_requests (tenant_id, receivable_id, amount, reason, requested_by, created_at)
      values (${t.tenantId}, ${r.id}, 222.22, '迁移前的申请', ${t.users.finance.id}, now() - interval '3 days') returning id`.execute(tx)).rows[0]!.id);
    const migration = fs.readFileSync(path.resolve(import.meta.dirname, '../src/migrations/018_bad_debt_approvals.sql'), 'utf8');
    await asSystem(h.db, (tx) => sql.raw(migration).execute(tx));
    await asSystem(h.db, (tx) => sql.raw(migration).execute(tx)); // a second run finds nothing left to do

    const inbox = (await exec.get('/api/v1/approvals/inbox?docType=bad_debt')).body.items.filter((i: { docId: string }) => i.docId === id);
    expect(inbox).toEqual([expect.objectContaining({ docType: 'bad_debt', docNumber: r.number, stepName: 'Second approver', subjectType: 'receivable', subjectId: r.id, submittedBy: { id: t.users.finance.id, name: 'finance' } })]);
    expect(inbox[0].facts).toEqual({ amount: '222.22', currency: 'CNY', amountOpen: '2222.22', reason: '迁移前的申请', customerName: '杭州坏账审批测试有限公司' });
    const approval = (await exec.get(`/api/v1/approvals/${inbox[0].id}`)).body;
    expect(approval.steps[0].approvers.map((a: { id: string }) => a.id).sort()).toEqual([t.users.admin.id, t.users.exec.id].sort());
    expect((await exec.get(`/api/v1/bad-debt-requests?mine=awaiting&receivableId=${r.id}`)).body.items.map((i: { id: string }) => i.id)).toEqual([id]);

    const ok = await exec.post(`/api/v1/bad-debt-requests/${id}/approve`, { comment: '迁移后批准' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect((await finance.get(`/api/v1/receivables/${r.id}`)).body).toMatchObject({ amountOpen: '2000.00', badDebtAmount: '222.22' });
  });
});
