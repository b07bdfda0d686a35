// Amendments 补充协议: after signing, amounts and plan change only through an approved amendment; until then the
// contract reads as before, and the history keeps what it said before and after.
import { beforeAll, describe, expect, it } from 'vitest';
import { approvedContract, contractsWorld, createContract, newCustomer, orderBody, setCredit, signBody, type ContractsWorld } from './contracts-helpers.js';

let w: ContractsWorld;
let customerId: string;

beforeAll(async () => {
  w = await contractsWorld();
  customerId = await newCustomer(w.rep);
  await setCredit(w.db, w.t.tenantId, customerId, '10000000.00', 60);
});

async function signedContract() {
  const c = await approvedContract(w, orderBody(customerId, { planTemplate: 'standard_30_60_10' }));
  const signed = await w.rep.post(`/api/v1/contracts/${c.id}/sign`, signBody());
  expect(signed.status).toBe(200);
  return signed.body;
}

const DOUBLE = [{ description: '数控机床 CK6150', quantity: '2', unitPrice: '113000.00', taxRate: '0.13' }];
const REST_PLAN = [{ trigger: 'on_delivery', percent: '80', dueDaysAfterTrigger: 30 }, { trigger: 'on_acceptance', percent: '20', milestone: 'acceptance' }];

describe('amending a signed contract', () => {
  it('changes the amount only after approval, keeps invoiced instalments, and keeps the history', async () => {
    const c = await signedContract();
    expect(c.instalments[0].receivableId).toBeTruthy(); // 30% on signing = 33,900.00 already booked
    const res = await w.rep.post(`/api/v1/contracts/${c.id}/amendments`, { version: c.version, reason: '客户追加一台设备', lines: DOUBLE, instalments: REST_PLAN });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ number: `${c.number}-A01`, status: 'in_approval', amountBefore: '113000.00', amountAfter: '226000.00' });

    const pending = await w.rep.get(`/api/v1/contracts/${c.id}`);
    expect(pending.body).toMatchObject({ amountInclTax: '113000.00', pendingAmendmentId: res.body.id });
    expect(pending.body.instalments.map((i: { amount: string }) => i.amount)).toEqual(['33900.00', '67800.00', '11300.00']);
    expect((await w.rep.post(`/api/v1/contracts/${c.id}/amendments`, { version: pending.body.version, reason: '再改一次', lines: DOUBLE, instalments: REST_PLAN })).status).toBe(409);

    const inbox = await w.manager.get('/api/v1/approvals/inbox?docType=contract_amendment');
    const item = inbox.body.items.find((i: { docId: string }) => i.docId === res.body.id);
    expect(item).toMatchObject({ docNumber: `${c.number}-A01`, subjectType: 'contract', subjectId: c.id, facts: expect.objectContaining({ amount: '226000.00', amountDelta: '113000.00' }) });
    const ok = await w.manager.post(`/api/v1/approvals/${item.id}/approve`, { comment: '同意追加' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);

    const after = await w.rep.get(`/api/v1/contracts/${c.id}`);
    expect(after.body).toMatchObject({ status: 'signed', amountExclTax: '200000.00', taxAmount: '26000.00', amountInclTax: '226000.00', pendingAmendmentId: null, termsLocked: true });
    // the booked 33,900.00 stays; 80% / 20% of the remaining 192,100.00
    expect(after.body.instalments.map((i: { seq: number; amount: string }) => [i.seq, i.amount])).toEqual([[1, '33900.00'], [2, '153680.00'], [3, '38420.00']]);
    expect(after.body.instalments[0].receivableId).toBe(c.instalments[0].receivableId);

    const list = await w.rep.get(`/api/v1/contracts/${c.id}/amendments`);
    expect(list.body.items[0]).toMatchObject({ status: 'approved', reason: '客户追加一台设备' });
    expect(list.body.items[0].before.amountInclTax).toBe('113000.00');
    expect(list.body.items[0].after.amountInclTax).toBe('226000.00');
    const audit = await w.manager.get(`/api/v1/audit?entityType=contract&entityId=${c.id}&action=amend`);
    expect(audit.body.items[0].changes).toContainEqual({ field: 'amountInclTax', before: '113000.00', after: '226000.00' });
    expect(audit.body.items[0].actor.id).toBe(w.t.users.managerEast.id);
    const approvals = await w.rep.get(`/api/v1/contracts/${c.id}/approvals`);
    expect(approvals.body.items.map((a: { docType: string }) => a.docType)).toEqual(['contract', 'contract_amendment']);
  });

  it('a rejected amendment changes nothing', async () => {
    const c = await signedContract();
    const res = await w.rep.post(`/api/v1/contracts/${c.id}/amendments`, { version: c.version, reason: '降价', lines: [{ ...DOUBLE[0], quantity: '1', unitPrice: '100000.00' }], instalments: REST_PLAN });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const item = (await w.manager.get('/api/v1/approvals/inbox?docType=contract_amendment')).body.items.find((i: { docId: string }) => i.docId === res.body.id);
    const rej = await w.manager.post(`/api/v1/approvals/${item.id}/reject`, { comment: '不同意降价' });
    expect(rej.status).toBe(200);
    const after = await w.rep.get(`/api/v1/contracts/${c.id}`);
    expect(after.body).toMatchObject({ amountInclTax: '113000.00', pendingAmendmentId: null, status: 'signed' });
    expect((await w.rep.get(`/api/v1/contracts/${c.id}/amendments`)).body.items[0].status).toBe('rejected');
  });

  it('refuses a plan that does not add up, a stale version, and amending a draft', async () => {
    const c = await signedContract();
    const bad = await w.rep.post(`/api/v1/contracts/${c.id}/amendments`, { version: c.version, reason: '追加', lines: DOUBLE, instalments: [{ trigger: 'on_delivery', amount: '1000.00' }] });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([{ path: 'instalments', message: 'the instalments add to 1000.00, the amount left to plan is 192100.00' }]);
    expect((await w.rep.post(`/api/v1/contracts/${c.id}/amendments`, { version: c.version - 1, reason: '追加', lines: DOUBLE })).status).toBe(409);
    const draft = await createContract(w.rep, orderBody(customerId));
    const res = await w.rep.post(`/api/v1/contracts/${draft.id}/amendments`, { version: 1, reason: '改草稿' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('contracts.bad_status');
  });

  it('terminating the contract withdraws a pending amendment and its approval', async () => {
    const c = await signedContract();
    const a = await w.rep.post(`/api/v1/contracts/${c.id}/amendments`, { version: c.version, reason: '追加', lines: DOUBLE, instalments: REST_PLAN });
    expect((await w.rep.post(`/api/v1/contracts/${c.id}/status`, { status: 'terminated' })).status).toBe(400); // a reason is required
    const t = await w.rep.post(`/api/v1/contracts/${c.id}/status`, { status: 'terminated', reason: '客户破产' });
    expect(t.body).toMatchObject({ status: 'terminated', pendingAmendmentId: null });
    expect((await w.rep.get(`/api/v1/contracts/${c.id}/amendments`)).body.items[0].status).toBe('cancelled');
    const requests = (await w.rep.get(`/api/v1/contracts/${c.id}/approvals`)).body.items;
    expect(requests.find((r: { docId: string }) => r.docId === a.body.id).status).toBe('cancelled');
    expect((await w.manager.get('/api/v1/approvals/inbox')).body.items.some((i: { docId: string }) => i.docId === a.body.id)).toBe(false);
    const audit = await w.manager.get(`/api/v1/audit?entityType=contract&entityId=${c.id}&action=terminate`);
    expect(audit.body.items[0].changes).toEqual([{ field: 'status', before: 'signed', after: 'terminated' }, { field: 'reason', before: null, after: '客户破产' }]);
  });
});
