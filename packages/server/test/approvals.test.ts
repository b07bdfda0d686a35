// The approval engine through contracts: rules pick the chain (manager → finance over ¥500,000; an executive for long
// terms), each step is recorded, audited and notified; reject and return send the contract back to draft.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { asSystem } from '../src/platform/db.js';
import { planSteps, BUILT_IN_DEFINITIONS } from '../src/domains/approvals/index.js';
import { contractsWorld, createContract, newCustomer, orderBody, setCredit, type ContractsWorld } from './contracts-helpers.js';

let w: ContractsWorld;
let customerId: string;

beforeAll(async () => {
  w = await contractsWorld();
  customerId = await newCustomer(w.rep);
  await setCredit(w.db, w.t.tenantId, customerId, '50000000.00', 90);
});

async function notificationsOf(userId: string, entityId: string) {
  return asSystem(w.db, async (tx) => (await sql<{ kind: string; dedupe_key: string }>`select kind, dedupe_key from notifications
    where user_id = ${userId} and entity_id = ${entityId} order by created_at`.execute(tx)).rows);
}

describe('rules', () => {
  const rules = BUILT_IN_DEFINITIONS.contract!.rules;
  const names = (facts: Record<string, string | number | boolean | null>) => planSteps(rules, facts).map((s) => s.name);

  it('over 500,000 or a discount over 15% → manager then finance; otherwise the manager alone', () => {
    expect(names({ amount: '500000.01', maxDiscount: '0', paymentTermDays: 30, riskLevel: 'normal', overCredit: false })).toEqual(['Manager', 'Finance']);
    expect(names({ amount: '500000.00', maxDiscount: '0.15', paymentTermDays: 30, riskLevel: 'normal', overCredit: false })).toEqual(['Manager']);
    expect(names({ amount: '1000.00', maxDiscount: '0.2', paymentTermDays: 30, riskLevel: 'normal', overCredit: false })).toEqual(['Manager', 'Finance']);
  });

  it('a payment term over 60 days adds an executive; matched rules chain without repeating an approver', () => {
    expect(names({ amount: '900000', maxDiscount: '0', paymentTermDays: 75, riskLevel: 'high', overCredit: true })).toEqual(['Manager', 'Finance', 'Executive']);
    expect(names({ amount: '1000', maxDiscount: '0', paymentTermDays: 61, riskLevel: 'normal', overCredit: false })).toEqual(['Manager', 'Executive']);
  });
});

describe('a contract over ¥500,000', () => {
  it('routes manager → finance; each step is in the inbox, notified, recorded and audited', async () => {
    const c = await createContract(w.rep, orderBody(customerId, {}, '5', '113000.00')); // ¥565,000.00
    const sub = await w.rep.post(`/api/v1/contracts/${c.id}/submit`, { version: 1 });
    expect(sub.status, JSON.stringify(sub.body)).toBe(200);
    expect(sub.body.contract.status).toBe('in_approval');
    expect(sub.body.compliance.passed).toBe(true);
    expect(sub.body.approval.steps).toEqual([
      { seq: 1, name: 'Manager', approverIds: [w.t.users.managerEast.id] },
      { seq: 2, name: 'Finance', approverIds: [w.t.users.finance.id] },
    ]);
    const requestId = sub.body.approval.id;
    const mgrInbox = await w.manager.get('/api/v1/approvals/inbox');
    expect(mgrInbox.body.items).toContainEqual(expect.objectContaining({ id: requestId, docType: 'contract', docId: c.id, stepName: 'Manager', docNumber: c.number }));
    expect((await w.finance.get('/api/v1/approvals/inbox')).body.items.some((i: { id: string }) => i.id === requestId)).toBe(false);
    expect(await notificationsOf(w.t.users.managerEast.id, c.id)).toEqual([{ kind: 'approval.pending', dedupe_key: `approval:${requestId}:step:1` }]);

    // finance cannot jump the queue; the rep has no approve permission
    expect((await w.finance.post(`/api/v1/approvals/${requestId}/approve`, {})).status).toBe(403);
    expect((await w.rep.post(`/api/v1/approvals/${requestId}/approve`, {})).status).toBe(403);

    const step1 = await w.manager.post(`/api/v1/approvals/${requestId}/approve`, { comment: '价格合理' });
    expect(step1.status).toBe(200);
    expect(step1.body).toMatchObject({ status: 'pending', currentStep: 2 });
    expect((await w.contractStatus(c.id))).toBe('in_approval');
    expect((await w.finance.get('/api/v1/approvals/inbox')).body.items).toContainEqual(expect.objectContaining({ id: requestId, stepName: 'Finance' }));
    expect((await w.manager.post(`/api/v1/approvals/${requestId}/approve`, {})).status).toBe(403);

    const step2 = await w.finance.post(`/api/v1/approvals/${requestId}/approve`, {});
    expect(step2.body).toMatchObject({ status: 'approved', currentStep: null });
    expect(step2.body.steps.map((s: { status: string; actedBy: { id: string } }) => [s.status, s.actedBy.id])).toEqual([
      ['approved', w.t.users.managerEast.id], ['approved', w.t.users.finance.id],
    ]);
    expect(step2.body.actions.map((a: { action: string }) => a.action)).toEqual(['submit', 'approve', 'approve']);
    expect(await w.contractStatus(c.id)).toBe('approved');
    expect((await w.finance.post(`/api/v1/approvals/${requestId}/approve`, {})).status).toBe(409);
    expect((await notificationsOf(w.t.users.repEast.id, c.id)).map((n) => n.kind)).toEqual(['approval.approved']);

    const audit = await w.manager.get(`/api/v1/audit?entityType=contract&entityId=${c.id}&limit=50`);
    const trail = [...audit.body.items].reverse().map((a: { action: string; actor: { id: string } | null }) => [a.action, a.actor?.id]);
    expect(trail).toEqual([
      ['create', w.t.users.repEast.id], ['approval_submit', w.t.users.repEast.id], ['submit', w.t.users.repEast.id],
      ['approval_approve', w.t.users.managerEast.id], ['approval_approve', w.t.users.finance.id], ['approve', w.t.users.finance.id],
    ]);
    const managerStep = audit.body.items.find((a: { action: string; actor: { id: string } }) => a.action === 'approval_approve' && a.actor.id === w.t.users.managerEast.id);
    expect(managerStep.changes).toEqual([
      { field: 'approvalStep', before: null, after: '1/2 Manager' }, { field: 'decision', before: 'pending', after: 'approved' },
      { field: 'comment', before: null, after: '价格合理' },
    ]);
    const history = await w.rep.get(`/api/v1/contracts/${c.id}/approvals`);
    expect(history.body.items).toHaveLength(1);
  });
});

describe('reject and return', () => {
  it('rejection returns the contract to draft with the reason; it can be edited and submitted again', async () => {
    const c = await createContract(w.rep, orderBody(customerId));
    const sub = await w.rep.post(`/api/v1/contracts/${c.id}/submit`, {});
    expect((await w.rep.patch(`/api/v1/contracts/${c.id}`, { version: sub.body.contract.version, title: '审批中改名' })).status).toBe(409);
    expect((await w.manager.post(`/api/v1/approvals/${sub.body.approval.id}/reject`, {})).status).toBe(400); // a reason is required
    const rej = await w.manager.post(`/api/v1/approvals/${sub.body.approval.id}/reject`, { comment: '折扣过大，请重新报价' });
    expect(rej.body.status).toBe('rejected');
    const back = await w.rep.get(`/api/v1/contracts/${c.id}`);
    expect(back.body.status).toBe('draft');
    const audit = await w.manager.get(`/api/v1/audit?entityType=contract&entityId=${c.id}&action=reject`);
    expect(audit.body.items[0].changes).toEqual([{ field: 'status', before: 'in_approval', after: 'draft' }, { field: 'reason', before: null, after: '折扣过大，请重新报价' }]);
    expect((await notificationsOf(w.t.users.repEast.id, c.id)).map((n) => n.kind)).toEqual(['approval.rejected']);
    const edited = await w.rep.patch(`/api/v1/contracts/${c.id}`, { version: back.body.version, title: '数控机床采购合同（修订）' });
    expect(edited.status).toBe(200);
    const again = await w.rep.post(`/api/v1/contracts/${c.id}/submit`, {});
    expect(again.status).toBe(200);
    expect(again.body.approval.id).not.toBe(sub.body.approval.id);
  });

  it('return sends it back to draft for changes', async () => {
    const c = await createContract(w.rep, orderBody(customerId));
    const sub = await w.rep.post(`/api/v1/contracts/${c.id}/submit`, {});
    const ret = await w.manager.post(`/api/v1/approvals/${sub.body.approval.id}/return`, { comment: '补充交付条款' });
    expect(ret.body.status).toBe('returned');
    expect(await w.contractStatus(c.id)).toBe('draft');
  });
});

describe('approvers', () => {
  it('a term over 60 days adds the executive; a manager\'s own contract goes to the manager above (up the team tree)', async () => {
    const own = await newCustomer(w.manager);
    await setCredit(w.db, w.t.tenantId, own, '5000000.00', 90);
    const c = await createContract(w.manager, orderBody(own, { paymentTermDays: 75 }));
    const sub = await w.manager.post(`/api/v1/contracts/${c.id}/submit`, {});
    expect(sub.status, JSON.stringify(sub.body)).toBe(200);
    // East's manager is the submitter, so 'Manager' resolves to the root team's manager (the executive); the
    // 'Executive' step would ask the same person again, so one decision of theirs covers both.
    expect(sub.body.approval.steps).toEqual([{ seq: 1, name: 'Manager', approverIds: [w.t.users.exec.id] }]);
  });

  it('an admin with no team gets the executives in place of a manager; nobody approves their own request', async () => {
    const own = await newCustomer(w.admin);
    await setCredit(w.db, w.t.tenantId, own, '5000000.00', 90);
    const c = await createContract(w.admin, orderBody(own));
    const sub = await w.admin.post(`/api/v1/contracts/${c.id}/submit`, {});
    expect(sub.status, JSON.stringify(sub.body)).toBe(200);
    expect(sub.body.approval.steps).toEqual([{ seq: 1, name: 'Manager', approverIds: [w.t.users.exec.id] }]);
    // with no executive left, the only one who could decide is the submitting admin: refused, never self-approved
    await asSystem(w.db, async (tx) => { await sql`update users set active = false where id = ${w.t.users.exec.id}`.execute(tx); });
    try {
      const c2 = await createContract(w.admin, orderBody(own));
      const sub2 = await w.admin.post(`/api/v1/contracts/${c2.id}/submit`, {});
      expect(sub2.status).toBe(422);
      expect(sub2.body.code).toBe('approvals.no_approver');
      expect((await w.admin.get(`/api/v1/contracts/${c2.id}`)).body.status).toBe('draft');
    } finally {
      await asSystem(w.db, async (tx) => { await sql`update users set active = true where id = ${w.t.users.exec.id}`.execute(tx); });
    }
  });

  it('notices speak the recipient\'s language: 待审批 for a zh-CN approver, English for an en one', async () => {
    await asSystem(w.db, async (tx) => { await sql`update users set locale = 'en' where id = ${w.t.users.finance.id}`.execute(tx); });
    const c = await createContract(w.rep, orderBody(customerId, {}, '5', '113000.00')); // ¥565,000.00 → manager, finance
    const sub = await w.rep.post(`/api/v1/contracts/${c.id}/submit`, {});
    expect(sub.status, JSON.stringify(sub.body)).toBe(200);
    expect((await w.manager.post(`/api/v1/approvals/${sub.body.approval.id}/approve`, {})).status).toBe(200);
    const text = async (userId: string) => asSystem(w.db, async (tx) => (await sql<{ title: string; body: string }>`select title, body from notifications
      where user_id = ${userId} and entity_id = ${c.id} and kind = 'approval.pending'`.execute(tx)).rows[0]);
    expect(await text(w.t.users.managerEast.id)).toEqual({ title: `待审批：合同 ${c.number}`, body: expect.stringContaining('第 1 步：直属经理') });
    expect(await text(w.t.users.finance.id)).toEqual({ title: `Approval needed: Contract ${c.number}`, body: expect.stringContaining('step 2: Finance') });
    expect((await w.finance.post(`/api/v1/approvals/${sub.body.approval.id}/reject`, { comment: '账期太长' })).status).toBe(200);
    const decided = await asSystem(w.db, async (tx) => (await sql<{ title: string; body: string }>`select title, body from notifications
      where user_id = ${w.t.users.repEast.id} and entity_id = ${c.id} and kind = 'approval.rejected'`.execute(tx)).rows);
    expect(decided).toEqual([{ title: `合同 ${c.number} 已驳回`, body: expect.stringContaining('账期太长') }]);
    await asSystem(w.db, async (tx) => { await sql`update users set locale = 'zh-CN' where id = ${w.t.users.finance.id}`.execute(tx); });
  });

  it('admins store a definition per document type; requests in flight keep their chain', async () => {
    const inFlight = await w.rep.post(`/api/v1/contracts/${(await createContract(w.rep, orderBody(customerId))).id}/submit`, {});
    expect((await w.put(w.manager, '/api/v1/approvals/definitions/contract', { name: '经理自定义', rules: { rules: [] } })).status).toBe(403);
    const put = await w.put(w.admin, '/api/v1/approvals/definitions/contract', {
      name: '合同审批（财务单签）', version: 0,
      rules: { rules: [{ name: 'any contract', when: { fact: 'amount', op: '>=', value: '0' }, steps: [{ name: 'Finance', approver: { type: 'role', role: 'finance' } }] }] },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({ docType: 'contract', builtIn: false, version: 1 });
    const list = await w.finance.get('/api/v1/approvals/definitions');
    expect(list.body.items.find((d: { docType: string }) => d.docType === 'contract').name).toBe('合同审批（财务单签）');
    const c = await createContract(w.rep, orderBody(customerId));
    const sub = await w.rep.post(`/api/v1/contracts/${c.id}/submit`, {});
    expect(sub.body.approval.steps.map((s: { name: string }) => s.name)).toEqual(['Finance']);
    // the request submitted before the change still waits for the manager, and the manager can decide it
    expect((await w.manager.post(`/api/v1/approvals/${inFlight.body.approval.id}/approve`, {})).body.status).toBe('approved');
    const stale = await w.put(w.admin, '/api/v1/approvals/definitions/contract', { name: '过期版本', version: 0, rules: { rules: [] } });
    expect(stale.status).toBe(409);
    // restore the built-in behaviour for the other tests in this file
    await w.put(w.admin, '/api/v1/approvals/definitions/contract', { name: '合同审批', rules: BUILT_IN_DEFINITIONS.contract!.rules });
  });
});
