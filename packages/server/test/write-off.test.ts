// Finance's day: receivables booked, a payment registered by a rep, confirmed by finance, written off against three
// invoices oldest-first, one write-off reversed — every figure checked to the cent.
import { beforeAll, describe, expect, it } from 'vitest';
import { login, makeTenant, testApp, type Client, type TestTenant } from './helpers.js';

let t: TestTenant;
let finance: Client;
let rep: Client;
let exec: Client;
let customerId: string;

async function receivable(amount: string, dueDate: string) {
  const res = await finance.post('/api/v1/receivables', { customerId, amount, taxAmount: '0.00', dueDate, reason: '期初应收导入' });
  expect(res.status).toBe(201);
  return res.body;
}

beforeAll(async () => {
  const h = await testApp();
  t = await makeTenant(h.db);
  finance = await login(h.baseUrl, t.users.finance);
  rep = await login(h.baseUrl, t.users.repEast);
  exec = await login(h.baseUrl, t.users.exec);
  customerId = (await rep.post('/api/v1/customers', { name: '杭州核销测试机械有限公司' })).body.id;
});

describe('payment → write-off → reversal', () => {
  it('writes a confirmed payment off oldest-due first, partially on the last, and reverses it back', async () => {
    const r1 = await receivable('10000.00', '2026-08-31');
    const r2 = await receivable('25000.50', '2026-09-30');
    const r3 = await receivable('8000.00', '2026-10-31');
    expect(r1.number).toMatch(/^YS-2026-\d{6}$/);

    const claimed = await rep.post('/api/v1/payments', { customerId, amount: '40000.50', receivedOn: '2026-11-20', bankReference: 'CMB20261120001', payerName: '杭州核销测试机械有限公司' });
    expect(claimed.status).toBe(201);
    expect(claimed.body).toMatchObject({ status: 'claimed', amountUnapplied: '40000.50' });
    // A rep cannot confirm; finance can.
    expect((await rep.post(`/api/v1/payments/${claimed.body.id}/confirm`, { version: 1 })).status).toBe(403);
    const confirmed = await finance.post(`/api/v1/payments/${claimed.body.id}/confirm`, { version: 1 });
    expect(confirmed.body.status).toBe('confirmed');
    expect((await finance.get(`/api/v1/customers/${customerId}/accounts`)).body).toMatchObject({ prepaid: '40000.50', receivablesOpen: '43000.50' });

    const proposal = await finance.get(`/api/v1/write-offs/proposal?paymentId=${claimed.body.id}`);
    expect(proposal.body.lines.map((l: { receivableNumber: string; amount: string }) => [l.receivableNumber, l.amount])).toEqual([
      [r1.number, '10000.00'], [r2.number, '25000.50'], [r3.number, '5000.00'],
    ]);
    expect(proposal.body.amountProposed).toBe('40000.50');

    const applied = await finance.post('/api/v1/write-offs', {
      customerId, appliedOn: '2026-11-21',
      lines: proposal.body.lines.map((l: { receivableId: string; amount: string }) => ({ receivableId: l.receivableId, amount: l.amount, source: { type: 'payment', paymentId: claimed.body.id } })),
    }, { 'idempotency-key': `wo-${t.slug}-1` });
    expect(applied.status).toBe(201);
    expect(applied.body.total).toBe('40000.50');
    expect(applied.body.number).toMatch(/^HX-2026-\d{6}$/);

    const after = async (id: string) => (await finance.get(`/api/v1/receivables/${id}`)).body;
    expect(await after(r1.id)).toMatchObject({ amountOpen: '0.00', status: 'paid' });
    expect(await after(r2.id)).toMatchObject({ amountOpen: '0.00', status: 'paid' });
    expect(await after(r3.id)).toMatchObject({ amountOpen: '3000.00', amountApplied: '5000.00', status: 'partially_paid' });
    expect((await finance.get(`/api/v1/payments/${claimed.body.id}`)).body.amountUnapplied).toBe('0.00');
    expect((await finance.get(`/api/v1/customers/${customerId}/accounts`)).body).toMatchObject({ prepaid: '0.00', receivablesOpen: '3000.00' });

    // The same request again books nothing new.
    const replay = await finance.post('/api/v1/write-offs', {
      customerId, appliedOn: '2026-11-21',
      lines: proposal.body.lines.map((l: { receivableId: string; amount: string }) => ({ receivableId: l.receivableId, amount: l.amount, source: { type: 'payment', paymentId: claimed.body.id } })),
    }, { 'idempotency-key': `wo-${t.slug}-1` });
    expect(replay.status).toBe(201);
    expect(replay.body.id).toBe(applied.body.id);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');

    // Reverse 反核销: everything is open again and the money is back on the prepaid account.
    const reversed = await finance.post(`/api/v1/write-offs/${applied.body.id}/reverse`, { reason: '客户指定核销其他合同', reversedOn: '2026-11-22' });
    expect(reversed.status).toBe(201);
    expect(reversed.body).toMatchObject({ kind: 'reverse', total: '-40000.50', reversesId: applied.body.id });
    expect(await after(r3.id)).toMatchObject({ amountOpen: '8000.00', status: 'open' });
    expect((await finance.get(`/api/v1/customers/${customerId}/accounts`)).body).toMatchObject({ prepaid: '40000.50', receivablesOpen: '43000.50' });
    expect((await finance.post(`/api/v1/write-offs/${applied.body.id}/reverse`, { reason: 'again' })).status).toBe(409);

    const ledger = (await finance.get(`/api/v1/customers/${customerId}/accounts/prepaid/entries`)).body.items;
    expect(ledger.map((e: { amount: string; balanceAfter: string }) => [e.amount, e.balanceAfter])).toEqual([
      ['40000.50', '40000.50'], ['-40000.50', '0.00'], ['40000.50', '40000.50'],
    ]);
    const audit = (await finance.get(`/api/v1/audit?entityType=receivable&entityId=${r3.id}`)).body.items;
    expect(audit[0].changes).toEqual([{ field: 'amountOpen', before: '3000.00', after: '8000.00' }, { field: 'status', before: 'partially_paid', after: 'open' }]);
  });

  it('refuses to apply more than is open or unapplied, naming the line, and books nothing', async () => {
    const r = await receivable('500.00', '2026-11-01');
    const p = (await finance.post('/api/v1/payments', { customerId, amount: '800.00', receivedOn: '2026-11-20', confirm: true })).body;
    const tooMuch = await finance.post('/api/v1/write-offs', { customerId, lines: [{ receivableId: r.id, amount: '500.01', source: { type: 'payment', paymentId: p.id } }] });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.code).toBe('write_offs.exceeds_open');
    expect(tooMuch.body.errors[0].path).toBe('lines.0.amount');
    const r2 = await receivable('600.00', '2026-11-02');
    const overPay = await finance.post('/api/v1/write-offs', { customerId, lines: [
      { receivableId: r.id, amount: '500.00', source: { type: 'payment', paymentId: p.id } },
      { receivableId: r2.id, amount: '300.01', source: { type: 'payment', paymentId: p.id } },
    ] });
    expect(overPay.status).toBe(409);
    expect(overPay.body.code).toBe('write_offs.exceeds_unapplied');
    expect((await finance.get(`/api/v1/receivables/${r.id}`)).body.amountOpen).toBe('500.00');
    expect((await finance.get(`/api/v1/payments/${p.id}`)).body.amountUnapplied).toBe('800.00');
    const badAmount = await finance.post('/api/v1/write-offs', { customerId, lines: [{ receivableId: r.id, amount: '1.001', source: { type: 'payment', paymentId: p.id } }] });
    expect(badAmount.status).toBe(400);
    expect(badAmount.body.errors[0].path).toBe('lines.0.amount');
  });

  it('the same bank line is never booked twice, and a retried registration returns the first payment', async () => {
    const body = { customerId, amount: '1200.00', receivedOn: '2026-11-20', bankReference: `ICBC-${t.slug}`, confirm: true };
    const first = await finance.post('/api/v1/payments', body, { 'idempotency-key': `pay-${t.slug}-1` });
    const retry = await finance.post('/api/v1/payments', body, { 'idempotency-key': `pay-${t.slug}-1` });
    expect(retry.body.id).toBe(first.body.id);
    const other = await finance.post('/api/v1/payments', body, { 'idempotency-key': `pay-${t.slug}-2` });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('payments.duplicate_bank_reference');
    const mismatch = await finance.post('/api/v1/payments', { ...body, amount: '1300.00' }, { 'idempotency-key': `pay-${t.slug}-1` });
    expect(mismatch.status).toBe(422);
  });

  it('a payment registered with auto write-off pays the oldest invoices in one step', async () => {
    const c = (await rep.post('/api/v1/customers', { name: '自动核销测试有限公司' })).body.id;
    const mk = async (amount: string, dueDate: string) => (await finance.post('/api/v1/receivables', { customerId: c, amount, dueDate, reason: '测试应收' })).body;
    const a = await mk('100.00', '2026-01-31');
    const b = await mk('200.00', '2026-02-28');
    const d = await mk('300.00', '2026-03-31');
    const res = await finance.post('/api/v1/payments', { customerId: c, amount: '450.00', receivedOn: '2026-11-20', confirm: true, autoApply: 'oldest_due' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'confirmed', amountUnapplied: '0.00', amountApplied: '450.00' });
    expect(res.body.writeOffId).toBeTruthy();
    // the response is built from what the transaction wrote; it must be what a read returns
    const { writeOffId, ...booked } = res.body;
    expect(booked).toEqual((await finance.get(`/api/v1/payments/${res.body.id}`)).body);
    expect(writeOffId).toMatch(/^[0-9a-f-]{36}$/);
    const opens = await Promise.all([a, b, d].map(async (x) => (await finance.get(`/api/v1/receivables/${x.id}`)).body.amountOpen));
    expect(opens).toEqual(['0.00', '0.00', '150.00']);
  });

  it('a credit note 红冲 reduces the invoice; bad debt needs a second person', async () => {
    const r = await receivable('1130.00', '2026-06-30');
    const cn = await finance.post(`/api/v1/receivables/${r.id}/credit-notes`, { amount: '130.00', taxAmount: '14.96', reason: '价格折让' });
    expect(cn.status).toBe(201);
    expect(cn.body).toMatchObject({ kind: 'credit_note', amount: '-130.00', amountOpen: '0.00', status: 'applied', originalId: r.id });
    expect((await finance.get(`/api/v1/receivables/${r.id}`)).body).toMatchObject({ amountOpen: '1000.00', status: 'partially_paid' });
    const lines = (await finance.get(`/api/v1/write-offs?receivableId=${r.id}`)).body.items.flatMap((w: { allocations: unknown[] }) => w.allocations);
    expect(lines).toEqual([expect.objectContaining({ receivableId: r.id, sourceType: 'credit_note', creditNoteId: cn.body.id, creditNoteNumber: cn.body.number, amount: '130.00' })]);
    const tooBig = await finance.post(`/api/v1/receivables/${r.id}/credit-notes`, { amount: '1000.01', reason: '超额红冲' });
    expect(tooBig.status).toBe(409);

    const req = await finance.post(`/api/v1/receivables/${r.id}/bad-debt-requests`, { reason: '客户破产清算' });
    expect(req.body).toMatchObject({ amount: '1000.00', status: 'pending' });
    const again = await finance.post(`/api/v1/receivables/${r.id}/bad-debt-requests`, { amount: '10.00', reason: '重复申请' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'receivables.bad_debt_request_pending', pendingRequestId: req.body.id });
    expect((await finance.post(`/api/v1/bad-debt-requests/${req.body.id}/approve`, {})).status).toBe(403); // finance lacks approve
    const ok = await exec.post(`/api/v1/bad-debt-requests/${req.body.id}/approve`, { comment: '同意' });
    expect(ok.status).toBe(200);
    expect((await finance.get(`/api/v1/receivables/${r.id}`)).body).toMatchObject({ amountOpen: '0.00', badDebtAmount: '1000.00', status: 'bad_debt' });
    expect((await exec.post(`/api/v1/bad-debt-requests/${req.body.id}/approve`, {})).status).toBe(409);
  });
});

describe('receivables list', () => {
  it('filters by several statuses at once; an unknown status is a 400 naming the field', async () => {
    const c = (await rep.post('/api/v1/customers', { name: '宁波多状态筛选测试有限公司' })).body.id;
    const book = async (amount: string, dueDate: string) =>
      (await finance.post('/api/v1/receivables', { customerId: c, amount, taxAmount: '0.00', dueDate, reason: '期初应收导入' })).body;
    const paid = await book('100.00', '2026-07-31');
    const partly = await book('200.00', '2026-08-31');
    const untouched = await book('300.00', '2026-09-30');
    const pay = await finance.post('/api/v1/payments', { customerId: c, amount: '250.00', receivedOn: '2026-11-20', confirm: true, autoApply: 'oldest_due' });
    expect(pay.status).toBe(201);

    const list = async (status: string) => {
      const res = await finance.get(`/api/v1/receivables?customerId=${c}&status=${status}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.items.map((r: { number: string; amountOpen: string; status: string }) => [r.number, r.amountOpen, r.status]);
    };
    expect(await list('open,partially_paid')).toEqual([[partly.number, '50.00', 'partially_paid'], [untouched.number, '300.00', 'open']]);
    expect(await list('paid')).toEqual([[paid.number, '0.00', 'paid']]);
    expect(await list('paid,open')).toEqual([[paid.number, '0.00', 'paid'], [untouched.number, '300.00', 'open']]);

    const bad = await finance.get(`/api/v1/receivables?customerId=${c}&status=open,closed`);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/problem\+json/);
    expect(JSON.stringify(bad.body)).toContain('status');
  });
});

describe('bad-debt requests', () => {
  it('two at once on the same receivable: one is booked, the other refused', async () => {
    const r = await receivable('777.77', '2026-05-31');
    const both = await Promise.all([1, 2].map((i) => finance.post(`/api/v1/receivables/${r.id}/bad-debt-requests`, { reason: `客户失联 ${i}` })));
    expect(both.map((x) => x.status).sort()).toEqual([201, 409]);
    const listed = await finance.get(`/api/v1/bad-debt-requests?receivableId=${r.id}`);
    expect(listed.body.items.map((i: { amount: string; status: string }) => [i.amount, i.status])).toEqual([['777.77', 'pending']]);
  });
});

describe('one write-off, one currency', () => {
  it('refuses lines over receivables in two currencies (a USD and a CNY amount were added into one total before)', async () => {
    const c = (await rep.post('/api/v1/customers', { name: '厦门双币种核销测试有限公司' })).body.id;
    const cny = (await finance.post('/api/v1/receivables', { customerId: c, amount: '100.00', taxAmount: '0.00', dueDate: '2026-07-31', reason: '期初应收导入' })).body;
    const usd = (await finance.post('/api/v1/receivables', { customerId: c, amount: '100.00', taxAmount: '0.00', currency: 'USD', dueDate: '2026-07-31', reason: '期初应收导入' })).body;
    expect([cny.currency, usd.currency]).toEqual(['CNY', 'USD']);
    expect((await finance.post(`/api/v1/customers/${c}/accounts/rebate/entries`, { amount: '500.00', memo: '年度返利' })).status).toBe(201);
    const res = await finance.post('/api/v1/write-offs', {
      customerId: c, appliedOn: '2026-11-21',
      lines: [{ receivableId: cny.id, amount: '60.00', source: { type: 'rebate' } }, { receivableId: usd.id, amount: '40.00', source: { type: 'rebate' } }],
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'write_offs.currency_mismatch', errors: [{ path: 'lines.1.receivableId', message: 'in USD; the other lines are in CNY' }] });
    expect((await finance.get(`/api/v1/receivables/${usd.id}`)).body.amountOpen).toBe('100.00');
    // One currency at a time is fine.
    const ok = await finance.post('/api/v1/write-offs', { customerId: c, appliedOn: '2026-11-21', lines: [{ receivableId: usd.id, amount: '40.00', source: { type: 'rebate' } }] });
    expect(ok.status).toBe(201);
    expect(ok.body.total).toBe('40.00');
  });
});
