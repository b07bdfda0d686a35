// Administration of approvals and document numbers: a submitter withdraws a pending approval (the contract returns to
// draft, it leaves the approvers' inbox, audited; a decided one is 409), the rules screen's "which steps would this
// contract need?" preview (stored rules, rules being edited, typed facts), and document number formats (preview of the
// next number, applied by the numbering at once, no repeated number when the period changes, unique under concurrency).
import { beforeAll, describe, expect, it } from 'vitest';
import { contractsWorld, createContract, newCustomer, orderBody, setCredit, type ContractsWorld } from './contracts-helpers.js';

let w: ContractsWorld;
let customerId: string;

beforeAll(async () => {
  w = await contractsWorld();
  customerId = await newCustomer(w.rep);
  await setCredit(w.db, w.t.tenantId, customerId, '50000000.00', 90);
});

const inboxIds = async (client: ContractsWorld['rep']) => (await client.get('/api/v1/approvals/inbox')).body.items.map((i: { id: string }) => i.id);

describe('withdrawing an approval', () => {
  it('the submitter takes back a pending contract approval: draft again, gone from the inboxes, audited', async () => {
    const c = await createContract(w.rep, orderBody(customerId, {}, '5', '113000.00')); // ¥565,000.00: manager → finance
    const sub = await w.rep.post(`/api/v1/contracts/${c.id}/submit`, { version: 1 });
    expect(sub.status, JSON.stringify(sub.body)).toBe(200);
    const requestId = sub.body.approval.id;
    expect((await w.manager.post(`/api/v1/approvals/${requestId}/approve`, { comment: '同意' })).status).toBe(200);
    expect(await inboxIds(w.finance)).toContain(requestId);
    const pendingNotices = async () => ((await w.finance.get('/api/v1/notifications?unreadOnly=true&limit=100')).body.items as Array<{ kind: string; entityId: string | null }>)
      .filter((n) => n.kind === 'approval.pending' && n.entityId === c.id).length;
    expect(await pendingNotices()).toBe(1); // finance's 待审批 notice for step 2

    expect((await w.repSub.post(`/api/v1/approvals/${requestId}/withdraw`, {})).status).toBe(404); // not hers to see
    expect((await w.manager.post(`/api/v1/approvals/${requestId}/withdraw`, {})).body.code).toBe('approvals.not_submitter');
    const res = await w.rep.post(`/api/v1/approvals/${requestId}/withdraw`, { reason: '客户要改付款条件' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe('withdrawn');
    expect(res.body.steps.map((s: { status: string }) => s.status)).toEqual(['approved', 'cancelled']);
    expect(res.body.actions.at(-1)).toMatchObject({ action: 'withdraw', comment: '客户要改付款条件' });
    expect(await w.contractStatus(c.id)).toBe('draft');
    expect(await inboxIds(w.finance)).not.toContain(requestId);
    expect(await pendingNotices()).toBe(0); // settled: it no longer counts on the bell

    const audit = await w.admin.get(`/api/v1/audit?entityType=contract&entityId=${c.id}`);
    const actions = audit.body.items.map((e: { action: string }) => e.action);
    expect(actions).toContain('approval_withdraw');
    expect(audit.body.items.find((e: { action: string }) => e.action === 'withdraw').changes).toContainEqual({ field: 'status', before: 'in_approval', after: 'draft' });

    const again = await w.rep.post(`/api/v1/approvals/${requestId}/withdraw`, {});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('approvals.not_pending');
    // edited and submitted again: a new request
    const resub = await w.rep.post(`/api/v1/contracts/${c.id}/submit`, {});
    expect(resub.status, JSON.stringify(resub.body)).toBe(200);
    expect(resub.body.approval.id).not.toBe(requestId);
  });

  it('a decided approval cannot be withdrawn (409)', async () => {
    const c = await createContract(w.rep, orderBody(customerId, {}, '1', '1000.00'));
    const sub = await w.rep.post(`/api/v1/contracts/${c.id}/submit`, {});
    expect((await w.manager.post(`/api/v1/approvals/${sub.body.approval.id}/approve`, {})).status).toBe(200);
    expect(await w.contractStatus(c.id)).toBe('approved');
    const res = await w.rep.post(`/api/v1/approvals/${sub.body.approval.id}/withdraw`, {});
    expect(res.status).toBe(409);
    expect(await w.contractStatus(c.id)).toBe('approved');
  });
});

describe('approval rules preview', () => {
  it('which steps would this contract need: stored rules, rules being edited, typed facts', async () => {
    const c = await createContract(w.rep, orderBody(customerId, {}, '6', '113000.00')); // ¥678,000.00
    const stored = await w.admin.post('/api/v1/approvals/definitions/contract/preview', { docId: c.id });
    expect(stored.status, JSON.stringify(stored.body)).toBe(200);
    expect(stored.body.facts.amount).toBe('678000.00');
    expect(stored.body.matchedRules).toEqual(['Amount over 500,000 or discount over 15%']);
    expect(stored.body.steps.map((s: { name: string; approvers: Array<{ name: string }> }) => [s.name, s.approvers.map((a) => a.name)])).toEqual([
      ['Manager', ['managerEast']], ['Finance', ['finance']],
    ]);

    const defs = await w.admin.get('/api/v1/approvals/definitions');
    const rules = structuredClone(defs.body.items.find((d: { docType: string }) => d.docType === 'contract').rules);
    rules.rules[0].when.any[0].value = '1000000';
    const edited = await w.admin.post('/api/v1/approvals/definitions/contract/preview', { docId: c.id, rules });
    expect(edited.body.steps.map((s: { name: string }) => s.name)).toEqual(['Manager']);

    const typed = await w.admin.post('/api/v1/approvals/definitions/contract/preview', { facts: { amount: '90000', maxDiscount: '0', paymentTermDays: 90, riskLevel: 'normal', overCredit: false } });
    expect(typed.body.steps.map((s: { name: string }) => s.name)).toEqual(['Manager', 'Executive']);
    expect(typed.body.steps[0].approvers).toEqual([]); // no submitter named: nobody's manager

    // a customer instead of a contract: its grade and risk, over its credit or not for the amount typed; its owner submits
    const byCustomer = await w.admin.post('/api/v1/approvals/definitions/contract/preview', { customerId, facts: { amount: '60000000.00', maxDiscount: '0', paymentTermDays: 30 } });
    expect(byCustomer.status, JSON.stringify(byCustomer.body)).toBe(200);
    expect(byCustomer.body.facts).toMatchObject({ customerGrade: 'B', riskLevel: 'normal', overCredit: true });
    expect(byCustomer.body.matchedRules).toContain('Over the credit limit');
    expect(byCustomer.body.steps.map((s: { name: string; approvers: Array<{ name: string }> }) => [s.name, s.approvers.map((a) => a.name)])).toEqual([
      ['Manager', ['managerEast']], ['Finance', ['finance']],
    ]);
    const within = await w.admin.post('/api/v1/approvals/definitions/contract/preview', { customerId, facts: { amount: '1000.00', maxDiscount: '0', paymentTermDays: 30 } });
    expect(within.body.facts.overCredit).toBe(false);
    expect(within.body.steps.map((s: { name: string }) => s.name)).toEqual(['Manager']);
    expect((await w.admin.post('/api/v1/approvals/definitions/contract/preview', { customerId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
    expect((await w.rep.post('/api/v1/approvals/definitions/contract/preview', { docId: c.id })).status).toBe(403);
    const other = await w.admin.post('/api/v1/approvals/definitions/contract/preview', { docId: '00000000-0000-4000-8000-000000000000' });
    expect(other.status).toBe(404);
  });

  it('saving edited rules changes the next submission and is audited', async () => {
    const defs = await w.admin.get('/api/v1/approvals/definitions');
    const def = defs.body.items.find((d: { docType: string }) => d.docType === 'contract');
    const rules = structuredClone(def.rules);
    rules.rules[0].when.any[0].value = '1000000';
    const saved = await w.put(w.admin, '/api/v1/approvals/definitions/contract', { name: def.name, rules, version: def.version });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const c = await createContract(w.rep, orderBody(customerId, {}, '6', '113000.00'));
    const sub = await w.rep.post(`/api/v1/contracts/${c.id}/submit`, {});
    expect(sub.body.approval.steps.map((s: { name: string }) => s.name)).toEqual(['Manager']);
    const audit = await w.admin.get('/api/v1/audit?entityType=approval_definition');
    expect(audit.body.items[0]).toMatchObject({ action: 'create', entityType: 'approval_definition' });
  });
});

describe('document number formats', () => {
  it('lists every numbered type with its next number; a new format applies to the next contract at once', async () => {
    const list = await w.admin.get('/api/v1/settings/number-formats');
    expect(list.status).toBe(200);
    expect(list.body.items.map((f: { docType: string }) => f.docType)).toEqual(['KH', 'HT', 'YS', 'HK', 'HX', 'HC', 'KP', 'HZ']);
    const ht = list.body.items.find((f: { docType: string }) => f.docType === 'HT');
    expect(ht).toMatchObject({ builtIn: true, prefix: 'HT', datePattern: 'YYYY', width: 6, reset: 'yearly', version: 0 });
    const c1 = await createContract(w.rep, orderBody(customerId));
    expect(c1.number).toBe(ht.next);

    const bad = await w.put(w.admin, '/api/v1/settings/number-formats/HT', { prefix: 'CT', datePattern: 'YYYY', separator: '-', width: 4, reset: 'monthly' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('reset');
    expect((await w.put(w.rep, '/api/v1/settings/number-formats/HT', { prefix: 'CT', datePattern: 'YYYYMM', separator: '-', width: 4, reset: 'monthly' })).status).toBe(403);

    const format = { prefix: 'CT', datePattern: 'YYYYMM', separator: '-', width: 4, reset: 'monthly' };
    const preview = await w.admin.post('/api/v1/settings/number-formats/HT/preview', format);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    const used = Number(c1.number.slice(-6));
    const month = c1.number.slice(3, 7) + new Date().toISOString().slice(5, 7);
    expect(preview.body.next).toBe(`CT-${month}-${String(used + 1).padStart(4, '0')}`); // continues above the highest number
    const saved = await w.put(w.admin, '/api/v1/settings/number-formats/HT', { ...format, version: 0 });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ builtIn: false, version: 1, next: preview.body.next });
    const c2 = await createContract(w.rep, orderBody(customerId));
    expect(c2.number).toBe(preview.body.next);
    expect((await w.put(w.admin, '/api/v1/settings/number-formats/HT', { ...format, version: 0 })).status).toBe(409);

    const audit = await w.admin.get('/api/v1/audit?entityType=doc_number_format');
    expect(audit.body.items[0].changes).toContainEqual({ field: 'prefix', before: 'HT', after: 'CT' });
  });

  it('numbers stay unique when many customers are created at once', async () => {
    const saved = await w.put(w.admin, '/api/v1/settings/number-formats/KH', { prefix: 'C', datePattern: 'YYMM', separator: '', width: 5, reset: 'never' });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const made = await Promise.all(Array.from({ length: 12 }, (_, i) => w.rep.post('/api/v1/customers', { name: `编号并发客户${i}${Date.now().toString(36)}有限公司`, grade: 'C', allowDuplicate: true })));
    const numbers = made.map((r) => r.body.number as string);
    expect(made.every((r) => r.status === 201)).toBe(true);
    expect(new Set(numbers).size).toBe(12);
    for (const n of numbers) expect(n).toMatch(/^C\d{4}\d{5}$/);
  });
});
