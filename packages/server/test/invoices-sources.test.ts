// Invoices over contracts and under concurrency: a signed contract invoiced before its receivables (预开票) and then its
// receivable — the contract's amount caps both ways; parallel requests over one receivable never invoice beyond it (the
// position's row lock, PostgreSQL); a cancelled request frees its amount; a red letter in two parts nets the blue
// invoice's tax to zero; the seller comes from the company profile when it has a taxpayer id.
import { addMoney } from '@l2c/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, randomCreditCode, type Res } from './helpers.js';
import { approvedContract, contractsWorld, orderBody, setCredit, signBody, type ContractsWorld } from './contracts-helpers.js';

let w: ContractsWorld;
let customerId: string;

function ok(res: Res, status = 200) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

const line = (amount: string, taxRate = '0.13') => ({ name: '工业网关', amount, taxRate });
const request = (items: Array<{ receivableId?: string; contractId?: string; amount: string }>, amount: string) =>
  ({ invoiceType: 'ordinary', pricesIncludeTax: true, items, lines: [line(amount)] });

async function approveAndIssue(id: string, number: string) {
  const req = ok(await w.rep.get(`/api/v1/invoice-requests/${id}`));
  ok(await w.finance.post(`/api/v1/approvals/${req.approvalId}/approve`, {}));
  return ok(await w.finance.post(`/api/v1/invoice-requests/${id}/issue`, { number, issueDate: '2026-12-06' })).invoice;
}

beforeAll(async () => {
  w = await contractsWorld();
  customerId = ok(await w.rep.post('/api/v1/customers', { name: '绍兴发票来源测试纺机有限公司', creditCode: await randomCreditCode(), allowDuplicate: true }), 201).id;
  await setCredit(w.db, w.t.tenantId, customerId, '10000000.00');
  // The company profile names the seller: invoices take it without an invoice-settings seller.
  ok(await call(w.baseUrl, 'PUT', '/api/v1/settings/company', { token: w.admin.token, body: {
    legalName: '杭州云帆智能科技有限公司', taxpayerId: '91330100MA2COMPANY', address: null, phone: null, bankAccounts: [], logo: null,
  } }));
});

describe('a contract as the source', () => {
  it('invoices a signed contract before its receivable, and the contract caps both ways of invoicing it', async () => {
    const c = await approvedContract(w, orderBody(customerId, {}, '1', '113000.00'));
    const signed = ok(await w.rep.post(`/api/v1/contracts/${c.id}/sign`, signBody(c.version)));
    const receivableId = signed.instalments[0].receivableId as string;
    // 40,000 on the contract itself (预开票), before anyone looks at its receivable.
    const early = ok(await w.rep.post('/api/v1/invoice-requests', request([{ contractId: c.id, amount: '40000.00' }], '40000.00')), 201);
    const inv = await approveAndIssue(early.id, '26332000000000000011');
    expect(inv.seller).toEqual({ name: '杭州云帆智能科技有限公司', taxpayerId: '91330100MA2COMPANY' });
    expect(ok(await w.rep.get(`/api/v1/contracts/${c.id}/invoicing`))).toEqual({ currency: 'CNY', amount: '113000.00', requested: '0.00', invoiced: '40000.00', uninvoiced: '73000.00', paid: '0.00' });
    // Its receivable is the whole 113,000, but only 73,000 of the contract is left.
    const over = await w.rep.post('/api/v1/invoice-requests', request([{ receivableId, amount: '73000.01' }], '73000.01'));
    expect(over.status).toBe(409);
    expect(over.body.errors[0].message).toBe('at most 73000.00 of this contract is left to invoice');
    const rest = ok(await w.rep.post('/api/v1/invoice-requests', request([{ receivableId, contractId: c.id, amount: '73000.00' }], '73000.00')), 201);
    expect(rest.items[0]).toMatchObject({ receivable: { id: receivableId }, contract: { id: c.id }, amount: '73000.00' });
    expect(ok(await w.rep.get(`/api/v1/contracts/${c.id}/invoicing`))).toMatchObject({ requested: '73000.00', invoiced: '40000.00', uninvoiced: '0.00' });
    // A receivable named with another contract than its own is refused.
    const other = await approvedContract(w, orderBody(customerId, {}, '1', '1130.00'));
    const wrong = await w.rep.post('/api/v1/invoice-requests', request([{ receivableId, contractId: other.id, amount: '1.00' }], '1.00'));
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0].path).toBe('items.0.contractId');
    // An unsigned contract is not invoiced.
    const unsigned = await w.rep.post('/api/v1/invoice-requests', request([{ contractId: other.id, amount: '1.00' }], '1.00'));
    expect(unsigned.status).toBe(409);
    expect(unsigned.body.type).toContain('invoices.not_invoiceable');
  });
});

describe('one receivable, many requests', () => {
  let receivableId: string;

  beforeAll(async () => {
    receivableId = ok(await w.finance.post('/api/v1/receivables', { customerId, amount: '1000.00', taxAmount: '115.04', dueDate: '2026-12-31', reason: '备件' }), 201).id;
  });

  it('parallel requests never invoice beyond the receivable', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => w.rep.post('/api/v1/invoice-requests', request([{ receivableId, amount: '300.00' }], '300.00'))));
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 201, 409, 409]);
    expect(ok(await w.rep.get(`/api/v1/receivables/${receivableId}/invoicing`))).toMatchObject({ requested: '900.00', uninvoiced: '100.00' });
  });

  it('a cancelled request frees what it held; only the requester or finance may cancel', async () => {
    const list = ok(await w.rep.get(`/api/v1/invoice-requests?receivableId=${receivableId}`));
    const id = list.items[0].id as string;
    expect((await w.repSub.post(`/api/v1/invoice-requests/${id}/cancel`, {})).status).toBe(404); // not in her scope at all
    expect((await w.manager.post(`/api/v1/invoice-requests/${id}/cancel`, {})).status).toBe(403);
    expect(ok(await w.rep.post(`/api/v1/invoice-requests/${id}/cancel`, { reason: '客户改抬头' })).status).toBe('cancelled');
    expect((await w.rep.post(`/api/v1/invoice-requests/${id}/cancel`, {})).status).toBe(409);
    expect(ok(await w.rep.get(`/api/v1/receivables/${receivableId}/invoicing`))).toMatchObject({ requested: '600.00', uninvoiced: '400.00' });
    // The approval went with it: nothing waits for finance.
    const inbox = ok(await w.finance.get('/api/v1/approvals/inbox?docType=invoice_request'));
    expect(inbox.items.some((a: { docId: string }) => a.docId === id)).toBe(false);
  });

  it('red-letters a blue invoice in two parts: the reds net its tax to zero, and then nothing more', async () => {
    const req = ok(await w.rep.post('/api/v1/invoice-requests', { ...request([{ receivableId, amount: '100.00' }], '100.00'), lines: [line('33.33'), line('66.67', '0.06')] }), 201);
    expect(req).toMatchObject({ taxAmount: '7.60' }); // 3.83 + 3.77
    const blue = await approveAndIssue(req.id, '26332000000000000022');
    const first = ok(await w.finance.post(`/api/v1/invoices/${blue.id}/red-confirmations`, { reason: 'allowance', lines: [{ seq: 1, amount: '10.00' }, { seq: 2, amount: '10.00' }] }), 201);
    expect(first).toMatchObject({ amountInclTax: '20.00', taxAmount: '1.72' }); // 1.15 + 0.57
    const second = ok(await w.finance.post(`/api/v1/invoices/${blue.id}/red-confirmations`, { reason: 'sales_return' }), 201);
    expect(second).toMatchObject({ amountInclTax: '80.00', taxAmount: '5.88' }); // 7.60 − 1.72: the last part takes what is left
    expect((await w.finance.post(`/api/v1/invoices/${blue.id}/red-confirmations`, { reason: 'error' })).status).toBe(409);
    for (const [rc, n] of [[first, '26332000000000000023'], [second, '26332000000000000024']] as const) {
      ok(await w.finance.post(`/api/v1/red-confirmations/${rc.id}/confirm`, {}));
      ok(await w.finance.post(`/api/v1/red-confirmations/${rc.id}/issue`, { number: n, issueDate: '2026-12-08' }));
    }
    // Fully reversed: the 100.00 is uninvoiced again; blue + reds are zero in amount and in tax.
    expect(ok(await w.rep.get(`/api/v1/receivables/${receivableId}/invoicing`))).toMatchObject({ invoiced: '0.00', requested: '600.00', uninvoiced: '400.00' });
    const all = ok(await w.rep.get(`/api/v1/invoices?receivableId=${receivableId}`)).items as Array<{ amountInclTax: string; taxAmount: string }>;
    const sum = (k: 'amountInclTax' | 'taxAmount') => addMoney(all.map((i) => i[k]), 'CNY');
    expect([all.length, sum('amountInclTax'), sum('taxAmount')]).toEqual([3, '0.00', '0.00']);
  });
});

describe('invoicing before and after payment; the credit note a red letter goes with', () => {
  it('a paid receivable is still invoiced, the figures say paid and invoiced apart; a red letter links the credit note', async () => {
    const r = ok(await w.finance.post('/api/v1/receivables', { customerId, amount: '500.00', taxAmount: '57.52', dueDate: '2026-12-31', reason: '服务费' }), 201);
    const paid = ok(await w.finance.post('/api/v1/payments', { customerId, amount: '200.00', receivedOn: '2026-12-01', confirm: true }), 201);
    ok(await w.finance.post('/api/v1/write-offs', { customerId, lines: [{ receivableId: r.id, source: { type: 'payment', paymentId: paid.id }, amount: '200.00' }] }), 201);
    // Paid in part before any invoice: 200 paid, nothing invoiced.
    expect(ok(await w.rep.get(`/api/v1/receivables/${r.id}/invoicing`))).toEqual({ currency: 'CNY', amount: '500.00', requested: '0.00', invoiced: '0.00', uninvoiced: '500.00', paid: '200.00' });
    const req = ok(await w.rep.post('/api/v1/invoice-requests', request([{ receivableId: r.id, amount: '500.00' }], '500.00')), 201);
    const blue = await approveAndIssue(req.id, '26332000000000000031');
    expect(ok(await w.rep.get(`/api/v1/receivables/${r.id}/invoicing`))).toMatchObject({ invoiced: '500.00', uninvoiced: '0.00', paid: '200.00' });
    // A credit note 红冲 of 50 on it, and the red letter that goes with it; a note of another receivable is refused.
    const note = ok(await w.finance.post(`/api/v1/receivables/${r.id}/credit-notes`, { amount: '50.00', reason: '价格折让' }), 201);
    const other = ok(await w.finance.post('/api/v1/receivables', { customerId, amount: '80.00', dueDate: '2026-12-31', reason: '其他' }), 201);
    const otherNote = ok(await w.finance.post(`/api/v1/receivables/${other.id}/credit-notes`, { amount: '10.00', reason: '折让' }), 201);
    const wrong = await w.finance.post(`/api/v1/invoices/${blue.id}/red-confirmations`, { reason: 'allowance', lines: [{ seq: 1, amount: '50.00' }], creditNoteId: otherNote.id });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0].path).toBe('creditNoteId');
    const rc = ok(await w.finance.post(`/api/v1/invoices/${blue.id}/red-confirmations`, { reason: 'allowance', lines: [{ seq: 1, amount: '50.00' }], creditNoteId: note.id }), 201);
    expect(rc.creditNote).toEqual({ id: note.id, number: note.number });
    expect(rc).toMatchObject({ amountInclTax: '50.00', taxAmount: '5.75', amountExclTax: '44.25' });
  });
});
