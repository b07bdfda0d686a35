// The "500 on bad input" list of issue 7, one named test per defect, over HTTP: each answer is now a 4xx problem
// document naming the field (and nothing is half-booked), where it used to be a 500.
import { beforeAll, describe, expect, it } from 'vitest';
import { call, randomCreditCode, type Res } from './helpers.js';
import { contractsWorld, createContract, newCustomer, orderBody, setCredit, type ContractsWorld } from './contracts-helpers.js';

let w: ContractsWorld;
let customerId: string;

beforeAll(async () => {
  w = await contractsWorld();
  customerId = await newCustomer(w.admin);
  await setCredit(w.db, w.t.tenantId, customerId, '10000000.00');
}, 120_000);

/** A 4xx problem+json whose `errors` name the field. */
function expectField(res: Res, status: number, path: string, message?: RegExp) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const errors = (res.body.errors ?? []) as Array<{ path: string; message: string }>;
  const hit = errors.find((e) => e.path === path);
  expect(hit, `errors name ${path}: ${JSON.stringify(errors)}`).toBeTruthy();
  if (message) expect(hit!.message).toMatch(message);
}

describe('impossible dates are 400s naming the field', () => {
  it('2026-02-30 as receivedOn of a payment', async () => {
    expectField(await w.finance.post('/api/v1/payments', { customerId, amount: '10.00', receivedOn: '2026-02-30' }), 400, 'receivedOn', /calendar date/);
  });
  it('0000-00-00 as dueDate of a receivable', async () => {
    expectField(await w.finance.post('/api/v1/receivables', { customerId, amount: '10.00', dueDate: '0000-00-00', reason: '手工应收' }), 400, 'dueDate');
  });
  it('a year outside 1900–2999 as periodEnd of a contract', async () => {
    expectField(await w.admin.post('/api/v1/contracts', orderBody(customerId, { periodEnd: '9999-12-31' })), 400, 'periodEnd', /between 1900-01-01 and 2999-12-31/);
  });
  it('2026-02-29 (not a leap year) as nextDate of a follow-up, and an impossible occurredAt', async () => {
    expectField(await w.admin.post(`/api/v1/customers/${customerId}/followups`, { kind: 'call', content: '电话回访', nextDate: '2026-02-29' }), 400, 'nextDate');
    expectField(await w.admin.post(`/api/v1/customers/${customerId}/followups`, { kind: 'call', content: '电话回访', occurredAt: '2026-02-30T10:00:00+08:00' }), 400, 'occurredAt');
  });
  it('2026-02-30 in a query (dueFrom) and as the alerts day', async () => {
    expectField(await w.finance.get('/api/v1/receivables?dueFrom=2026-02-30'), 400, 'querystring.dueFrom');
    expectField(await w.admin.get('/api/v1/contracts/alerts?asOf=2026-02-30'), 400, 'querystring.asOf');
  });
});

describe('text with NUL or a lone surrogate is a 400 naming the field', () => {
  it('NUL in a customer name', async () => {
    expectField(await w.admin.post('/api/v1/customers', { name: '杭州\u0000机床有限公司', allowDuplicate: true }), 400, 'name', /NUL/);
  });
  it('a lone surrogate in a payment remark', async () => {
    expectField(await w.finance.post('/api/v1/payments', { customerId, amount: '10.00', receivedOn: '2026-12-01', remark: '回款\ud800' }), 400, 'remark', /surrogate/);
  });
  it('NUL in a search query', async () => {
    expectField(await w.admin.get('/api/v1/customers?q=%00'), 400, 'querystring.q');
  });
  it('NUL inside an approval rule value that is stored as JSON', async () => {
    const res = await w.put(w.admin, '/api/v1/approvals/definitions/contract', {
      name: '合同审批', rules: { rules: [{ name: '大额', when: { fact: 'riskLevel', op: '=', value: 'high\u0000' }, steps: [{ name: '财务', approver: { type: 'role', role: 'finance' } }] }] },
    });
    expectField(res, 400, 'rules.rules.0.when');
  });
  it('NUL in the file name of a multipart contract signature', async () => {
    const c = await createContract(w.admin, orderBody(customerId));
    const boundary = 'L2CBOUNDARY';
    const part = (head: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; ${head}\r\n\r\n${value}\r\n`;
    const body = part('name="signedOn"', '2026-12-01')
      + part('name="signatories"', JSON.stringify([{ name: '王建国', party: 'customer' }]))
      + `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="合同\u0000.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--${boundary}--\r\n`;
    const res = await fetch(`${w.baseUrl}/api/v1/contracts/${c.id}/sign`, {
      method: 'POST', headers: { authorization: `Bearer ${w.admin.token}`, 'content-type': `multipart/form-data; boundary=${boundary}` }, body,
    });
    expectField({ status: res.status, headers: res.headers, body: await res.json() }, 400, 'file.name', /NUL/);
  });
  it('a surrogate pair (an emoji) is text, not an error', async () => {
    const res = await w.admin.post('/api/v1/customers', { name: '表情💰科技有限公司', allowDuplicate: true });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.name).toBe('表情💰科技有限公司');
  });
});

describe('decimal checks never throw', () => {
  it('a non-numeric quantity on a contract line', async () => {
    const body = orderBody(customerId, {}, 'abc');
    expectField(await w.admin.post('/api/v1/contracts', body), 400, 'lines.0.quantity', /quantity/);
  });
  it('a non-numeric percent on an instalment', async () => {
    const body = orderBody(customerId, { planTemplate: null, instalments: [{ trigger: 'on_signing', percent: 'thirty' }] });
    expectField(await w.admin.post('/api/v1/contracts', body), 400, 'instalments.0.percent', /percent/);
  });
  it('a non-numeric quantity in an amendment', async () => {
    const c = await createContract(w.admin, orderBody(customerId));
    const res = await w.admin.post(`/api/v1/contracts/${c.id}/amendments`, { reason: '数量调整', version: c.version, lines: [{ description: '机床', quantity: '1e3', unitPrice: '10.00', taxRate: '0.13' }] });
    expectField(res, 400, 'lines.0.quantity');
  });
  it('a line whose quantity × unit price cannot be booked is a 400 naming its unit price (not a numeric overflow)', async () => {
    const res = await w.admin.post('/api/v1/contracts', orderBody(customerId, {}, '999999999999', '999999999999.999999'));
    expectField(res, 400, 'lines.0.unitPrice', /beyond/);
  });
  it('money with 3 decimals, 1e3 and -0 are 400s naming amount', async () => {
    for (const amount of ['10.001', '1e3', '-0']) {
      expectField(await w.finance.post('/api/v1/payments', { customerId, amount, receivedOn: '2026-12-01' }), 400, 'amount');
    }
  });
});

describe('zero where zero is meaningless is a 400 naming the amount', () => {
  it('a rebate entry of 0.00 (and -0.00)', async () => {
    for (const amount of ['0.00', '-0.00']) {
      expectField(await w.finance.post(`/api/v1/customers/${customerId}/accounts/rebate/entries`, { amount, memo: '返利调整' }), 400, 'amount', /zero/);
    }
    const accounts = await w.finance.get(`/api/v1/customers/${customerId}/accounts`);
    expect(accounts.body.rebate).toBe('0.00');
  });
  it('a payment, a credit note and a write-off line of zero', async () => {
    expectField(await w.finance.post('/api/v1/payments', { customerId, amount: '0.00', receivedOn: '2026-12-01' }), 400, 'amount', /greater than zero/);
    const r = await w.finance.post('/api/v1/receivables', { customerId, amount: '100.00', dueDate: '2026-12-31', reason: '手工应收' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expectField(await w.finance.post(`/api/v1/receivables/${r.body.id}/credit-notes`, { amount: '0', reason: '折让' }), 400, 'amount');
    const p = await w.finance.post('/api/v1/payments', { customerId, amount: '50.00', receivedOn: '2026-12-01', confirm: true });
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    const wo = await w.finance.post('/api/v1/write-offs', { customerId, lines: [{ receivableId: r.body.id, source: { type: 'payment', paymentId: p.body.id }, amount: '0.00' }] });
    expectField(wo, 400, 'lines.0.amount');
  });
});

describe('duplicates and read-backs', () => {
  it('renaming a team to a name another team has is a 409 naming name', async () => {
    const res = await w.admin.patch(`/api/v1/teams/${w.t.teams.north}`, { name: 'East' });
    expectField(res, 409, 'name');
    const created = await w.admin.post('/api/v1/teams', { name: 'North' });
    expectField(created, 409, 'name');
    // Keeping its own name is no conflict.
    expect((await w.admin.patch(`/api/v1/teams/${w.t.teams.north}`, { name: 'North' })).status).toBe(200);
  });
  it('an unknown team id on PATCH /teams is a 404', async () => {
    const res = await w.admin.patch('/api/v1/teams/6f1d2c3b-4a59-4e7d-8c6b-5a4f3e2d1c0b', { name: 'West' });
    expect(res.status).toBe(404);
  });
  it('a follow-up dated before the customer\'s 50 newest is saved and returned', async () => {
    const c = await newCustomer(w.admin);
    for (let i = 0; i < 50; i += 10) {
      await Promise.all(Array.from({ length: 10 }, (_, k) => w.admin.post(`/api/v1/customers/${c}/followups`, { kind: 'call', content: `回访 ${i + k}`, occurredAt: `2026-11-${String(1 + ((i + k) % 28)).padStart(2, '0')}T09:00:00+08:00` })
        .then((res) => expect(res.status).toBe(201))));
    }
    const old = await w.admin.post(`/api/v1/customers/${c}/followups`, { kind: 'visit', content: '首次拜访', occurredAt: '2025-01-15T10:00:00+08:00' });
    expect(old.status, JSON.stringify(old.body)).toBe(201);
    expect(old.body.content).toBe('首次拜访');
    expect(Date.parse(old.body.occurredAt)).toBe(Date.parse('2025-01-15T10:00:00+08:00'));
  });
});

describe('found by the fuzz test', () => {
  it('giving a customer a new credit code saves it (the duplicate check sent a NUL name key to the database: 500)', async () => {
    const c = await newCustomer(w.admin);
    const code = await randomCreditCode();
    const got = await w.admin.get(`/api/v1/customers/${c}`);
    const res = await w.admin.patch(`/api/v1/customers/${c}`, { creditCode: code, version: got.body.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.creditCode).toBe(code);
    // The same code on another customer is the duplicate it was looking for.
    const other = await newCustomer(w.admin);
    const dup = await w.admin.patch(`/api/v1/customers/${other}`, { creditCode: code, version: 1 });
    expectField(dup, 409, 'creditCode');
  });
});

describe('cursors are input too', () => {
  it('GET /users?cursor=abc is a 400 naming cursor', async () => {
    expectField(await w.admin.get('/api/v1/users?cursor=abc'), 400, 'cursor');
  });
  it('a cursor of the right length with values of the wrong kind is a 400, not a cast error', async () => {
    const forged = Buffer.from(JSON.stringify(['not a time', 'not an id'])).toString('base64url');
    expectField(await w.admin.get(`/api/v1/customers?sort=createdAt&cursor=${forged}`), 400, 'cursor');
    expectField(await w.finance.get(`/api/v1/receivables?sort=amountOpen&cursor=${Buffer.from(JSON.stringify([{}, 'x'])).toString('base64url')}`), 400, 'cursor');
    expectField(await w.admin.get('/api/v1/customers?cursor=%2F%2F'), 400, 'cursor');
  });
  it('a cursor the server gave still pages', async () => {
    const first = await w.admin.get('/api/v1/users?limit=2');
    expect(first.status).toBe(200);
    const next = await w.admin.get(`/api/v1/users?limit=2&cursor=${first.body.nextCursor}`);
    expect(next.status, JSON.stringify(next.body)).toBe(200);
    expect(next.body.items[0].id).not.toBe(first.body.items[0].id);
  });
});

describe('UUIDs in any letter case', () => {
  it('an upper-case customerId on a payment with autoApply books and writes off', async () => {
    const c = await newCustomer(w.admin);
    const r = await w.finance.post('/api/v1/receivables', { customerId: c, amount: '300.00', dueDate: '2026-12-31', reason: '手工应收' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const p = await w.finance.post('/api/v1/payments', { customerId: c.toUpperCase(), amount: '300.00', receivedOn: '2026-12-05', confirm: true, autoApply: 'oldest_due' });
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    expect(p.body.customer.id).toBe(c);
    expect(p.body.amountUnapplied).toBe('0.00');
    const after = await w.finance.get(`/api/v1/receivables/${r.body.id.toUpperCase()}`);
    expect(after.status).toBe(200);
    expect(after.body.status).toBe('paid');
  });
  it('an upper-case id in a path finds the record', async () => {
    const res = await call(w.baseUrl, 'GET', `/api/v1/customers/${customerId.toUpperCase()}`, { token: w.admin.token });
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(customerId);
  });
});

describe('cursors the server hands out still page every keyset list', () => {
  it('follows nextCursor on each list and sort (ids never repeat)', async () => {
    const lists = [
      ...['name', '-name', 'createdAt', '-createdAt', 'lastFollowUpAt', '-lastFollowUpAt', 'number', '-number'].map((s) => `/api/v1/customers?sort=${s}`),
      ...['dueDate', '-dueDate', 'amountOpen', '-amountOpen', 'number', '-number'].map((s) => `/api/v1/receivables?sort=${s}`),
      ...['createdAt', '-createdAt', 'number', '-number', 'amountInclTax', '-amountInclTax', 'signedOn', '-signedOn'].map((s) => `/api/v1/contracts?sort=${s}`),
      '/api/v1/payments?sort=receivedOn', '/api/v1/payments?sort=-receivedOn', '/api/v1/write-offs', '/api/v1/users', '/api/v1/audit',
      '/api/v1/notifications', '/api/v1/bad-debt-requests', '/api/v1/aging/receivables', '/api/v1/receivables/overdue?asOf=2027-06-30',
    ];
    for (const list of lists) {
      const seen = new Set<string>();
      let url = `${list}${list.includes('?') ? '&' : '?'}limit=1`;
      for (let page = 0; page < 3; page++) {
        const res = await w.admin.get(url);
        expect(res.status, `${url}: ${JSON.stringify(res.body)}`).toBe(200);
        for (const item of res.body.items as Array<{ id: string }>) {
          expect(seen.has(item.id), `${list} repeats ${item.id}`).toBe(false);
          seen.add(item.id);
        }
        if (!res.body.nextCursor) break;
        url = `${list}${list.includes('?') ? '&' : '?'}limit=1&cursor=${res.body.nextCursor}`;
      }
    }
  });
});
