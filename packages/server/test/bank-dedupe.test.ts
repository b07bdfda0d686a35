// The same money registered by hand and seen on the bank statement is counted once (flows/bank-reconciliation/dedupe.ts):
// a rep's payment found at import links its bank line (no payment 待认领 is created, the claimed payment is confirmed by
// the line), an uncertain one waits as a proposal finance confirms or rejects, the reverse order (registered after the
// line became a payment 待认领) is merged by finance, and a payment is one bank line's money at most — in SQL too.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { dec } from '@l2c/shared';
import { inTenant, type Db } from '../src/platform/db.js';
import { call, login, makeTenant, testApp, type Client, type TestTenant } from './helpers.js';

let t: TestTenant;
let db: Db;
let finance: Client;
let rep: Client;
let repNorth: Client;
const ids: Record<string, string> = {};
let mappingId: string;

const b64 = (s: string) => Buffer.from(s).toString('base64');
const MAPPING = {
  bank: '去重银行', account: '6214830000009999', currency: 'CNY', headerRow: 1, dateFormat: 'YYYY-MM-DD', encoding: 'utf-8',
  columns: { bookedOn: '交易日期', amount: '金额', payerName: '对方户名', payerAccount: '对方账号', remittance: '附言', bankReference: '流水号' },
};
const csv = (rows: string[][]) => ['交易日期,金额,对方户名,对方账号,附言,流水号', ...rows.map((r) => r.join(','))].join('\n');
const importCsv = async (name: string, rows: string[][]) => {
  const res = await finance.post('/api/v1/bank-statements/imports', { fileName: name, contentBase64: b64(csv(rows)), mappingId, openingBalance: '0.00',
    closingBalance: rows.reduce((s, r) => s.plus(dec(r[1]!)), dec(0)).toFixed(2) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};
const register = async (c: Client, customer: string, amount: string, receivedOn: string, extra: Record<string, unknown> = {}) => {
  const res = await c.post('/api/v1/payments', { customerId: ids[customer], amount, currency: 'CNY', receivedOn, method: 'bank_transfer', ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; number: string; status: string };
};
const lineByRef = async (c: Client, ref: string) => ((await c.get(`/api/v1/bank-statement-lines?limit=200`)).body.items as Array<Record<string, any>>)
  .find((l) => l.bankReference === ref)!;
/** What a person checks on the customer: its payments (not rejected) and their total, its unapplied cash, its prepaid balance. */
async function money(customer: string) {
  const items = (await finance.get(`/api/v1/payments?customerId=${ids[customer]}&limit=200`)).body.items as Array<{ number: string; amount: string; amountUnapplied: string; status: string }>;
  const live = items.filter((p) => p.status !== 'rejected');
  const unapplied = (await finance.get(`/api/v1/payments?customerId=${ids[customer]}&unapplied=true&limit=200`)).body.items as Array<{ amountUnapplied: string }>;
  const accounts = (await finance.get(`/api/v1/customers/${ids[customer]}/accounts`)).body;
  return {
    payments: live.length, total: live.reduce((s, p) => s.plus(dec(p.amount)), dec(0)).toFixed(2),
    unapplied: unapplied.reduce((s, p) => s.plus(dec(p.amountUnapplied)), dec(0)).toFixed(2), prepaid: accounts.prepaid as string,
  };
}
/** Payments of the tenant, whoever's: by status (a payment 待认领 has no customer, so the list above does not show it). */
async function paymentCounts() {
  return inTenant(db, { tenantId: t.tenantId, userId: t.users.admin.id }, async (tx) => {
    const r = await sql<{ status: string; n: number }>`select status, count(*)::int as n from payments group by status`.execute(tx);
    const n = Object.fromEntries(r.rows.map((x) => [x.status, x.n]));
    return { unclaimed: n.unclaimed ?? 0, claimed: n.claimed ?? 0, confirmed: n.confirmed ?? 0, rejected: n.rejected ?? 0 };
  });
}

beforeAll(async () => {
  const h = await testApp();
  db = h.db;
  t = await makeTenant(h.db);
  [finance, rep, repNorth] = await Promise.all([login(h.baseUrl, t.users.finance), login(h.baseUrl, t.users.repEast), login(h.baseUrl, t.users.repNorth)]);
  ids.a = (await rep.post('/api/v1/customers', { name: '苏州甲电子有限公司', allowDuplicate: true })).body.id;
  ids.b = (await rep.post('/api/v1/customers', { name: '无锡乙机械有限公司', allowDuplicate: true })).body.id;
  ids.c = (await repNorth.post('/api/v1/customers', { name: '大连丙船舶有限公司', allowDuplicate: true })).body.id;
  const saved = await call(h.baseUrl, 'PUT', '/api/v1/bank-column-mappings', { token: finance.token, body: MAPPING });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  mappingId = saved.body.id;
});

describe('a payment registered by hand, then the bank statement', () => {
  let hand: { id: string; number: string; status: string };
  it('one strong candidate: the line is linked to it, no payment 待认领, the claimed payment confirmed by the line — the money once', async () => {
    hand = await register(rep, 'a', '5000.00', '2026-11-01', { payerName: '苏州甲电子有限公司' });
    expect(hand.status).toBe('claimed');
    const before = await paymentCounts();
    const res = await importCsv('11月-1.csv', [['2026-11-03', '5000.00', '苏州甲电子有限公司', '6222000000000101', '货款', 'D001']]);
    expect(res).toMatchObject({ linesNew: 1, autoApplied: 0, proposed: 0, unmatched: 0 });
    const line = await lineByRef(finance, 'D001');
    expect(line).toMatchObject({ status: 'matched', matchedHow: 'linked', payment: { id: hand.id, number: hand.number, status: 'confirmed', customer: { id: ids.a } } });
    expect(await paymentCounts()).toEqual({ ...before, claimed: before.claimed - 1, confirmed: before.confirmed + 1 });
    expect(await money('a')).toEqual({ payments: 1, total: '5000.00', unapplied: '5000.00', prepaid: '5000.00' });
  });

  it('re-importing the file, and an overlapping one, links nothing twice and creates no payment', async () => {
    const again = await importCsv('11月-1.csv', [['2026-11-03', '5000.00', '苏州甲电子有限公司', '6222000000000101', '货款', 'D001']]);
    expect(again).toMatchObject({ alreadyImported: true, linesNew: 0 });
    const overlap = await importCsv('11月-1b.csv', [
      ['2026-11-03', '5000.00', '苏州甲电子有限公司', '6222000000000101', '货款', 'D001'],
      ['2026-11-04', '5000.00', '苏州甲电子有限公司', '6222000000000101', '货款 二期', 'D002'],
    ]);
    expect(overlap).toMatchObject({ linesNew: 1, linesKnown: 1 });
    // the second 5,000 is new money: the hand payment is the first line's already, so this one is a payment 待认领
    expect(await lineByRef(finance, 'D002')).toMatchObject({ status: 'unclaimed', payment: { status: 'unclaimed', customer: null } });
    expect(await money('a')).toEqual({ payments: 1, total: '5000.00', unapplied: '5000.00', prepaid: '5000.00' });
  });

  it('the remittance names the payment number: linked even when the payer is a stranger; a confirmed one stays as it was', async () => {
    const p = await register(finance, 'b', '2600.00', '2026-11-06', { confirm: true });
    const res = await importCsv('11月-2.csv', [['2026-11-08', '2600.00', '某代付公司', '6222000000000199', `付 ${p.number}`, 'D003']]);
    expect(res).toMatchObject({ linesNew: 1, proposed: 0, unmatched: 0 });
    expect(await lineByRef(finance, 'D003')).toMatchObject({ status: 'matched', matchedHow: 'linked', payment: { id: p.id, status: 'confirmed' } });
    expect(await money('b')).toEqual({ payments: 1, total: '2600.00', unapplied: '2600.00', prepaid: '2600.00' });
  });

  it('outside ±5 days, or another amount, is not the same money', async () => {
    await register(rep, 'b', '3100.00', '2026-11-01', { payerName: '无锡乙机械有限公司' });
    await importCsv('11月-3.csv', [['2026-11-09', '3100.00', '无锡乙机械有限公司', '', '', 'D004'], ['2026-11-02', '3100.01', '无锡乙机械有限公司', '', '', 'D005']]);
    expect(await lineByRef(finance, 'D004')).toMatchObject({ status: 'unclaimed', payment: { status: 'unclaimed' } });
    expect((await lineByRef(finance, 'D004')).proposal?.rule).not.toBe('existing_payment');
    expect((await lineByRef(finance, 'D005')).payment).toMatchObject({ status: 'unclaimed' });
  });
});

describe('uncertain: a proposal finance confirms or rejects', () => {
  it('a weak candidate (payer unknown): no payment 待认领, a proposal naming the payment; the rep claiming it for her customer links it', async () => {
    const p = await register(rep, 'b', '4200.00', '2026-11-10');
    const before = await paymentCounts();
    const res = await importCsv('11月-4.csv', [['2026-11-12', '4200.00', '陌生付款人', '6222000000000301', '', 'D006']]);
    expect(res).toMatchObject({ linesNew: 1, autoApplied: 0, proposed: 1 });
    expect(await paymentCounts()).toEqual(before); // nothing booked yet
    const line = await lineByRef(finance, 'D006');
    expect(line).toMatchObject({ status: 'unclaimed', payment: null, proposal: { rule: 'existing_payment', confidence: 75, customer: { id: ids.b }, payment: { id: p.id, number: p.number, status: 'claimed' } } });
    expect(line.proposal.reasons[0].detail).toContain(p.number);
    // claimed for another customer, the line is no payment to book yet: finance decides on the proposal first
    expect((await rep.post(`/api/v1/bank-statement-lines/${line.id}/claim`, { customerId: ids.a, version: line.version })).status).toBe(409);
    // claimed for the customer whose payment it is: "this is that payment" — linked, nothing booked twice
    const ok = await rep.post(`/api/v1/bank-statement-lines/${line.id}/claim`, { customerId: ids.b, version: line.version });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ status: 'matched', matchedHow: 'linked', payment: { id: p.id, status: 'confirmed' }, proposal: { rule: 'existing_payment', status: 'applied' } });
    const m = await money('b');
    expect(m).toMatchObject({ payments: 3, total: '9900.00' }); // 2,600 + 3,100 + 4,200: each once
    expect(dec(m.prepaid).toFixed(2)).toBe('6800.00'); // the two confirmed ones (3,100 is still only claimed)
  });

  it('several candidates: a proposal with the closest one and the others named; rejected, the line becomes a payment 待认领 of its own', async () => {
    await register(rep, 'a', '6000.00', '2026-11-14');
    const far = await register(rep, 'b', '6000.00', '2026-11-12');
    await importCsv('11月-5.csv', [['2026-11-15', '6000.00', '陌生付款人二', '', '', 'D007']]);
    const line = await lineByRef(finance, 'D007');
    expect(line).toMatchObject({ status: 'unclaimed', payment: null, proposal: { rule: 'existing_payment', confidence: 60, customer: { id: ids.a } } });
    expect(line.proposal.reasons.map((r: { code: string }) => r.code)).toEqual(['existing_payment', 'several_payments']);
    expect(line.proposal.reasons[1].detail).toContain(far.number);
    const before = await paymentCounts();
    const res = await finance.post(`/api/v1/bank-statement-lines/${line.id}/reject`, { what: 'proposal', reason: '不是这笔', version: line.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'unclaimed', payment: { status: 'unclaimed', customer: null } });
    expect(res.body.proposal?.rule ?? null).not.toBe('existing_payment');
    expect(await paymentCounts()).toEqual({ ...before, unclaimed: before.unclaimed + 1 });
  });
});

describe('registered by hand after the line became a payment 待认领', () => {
  it('a rematch proposes the hand payment; confirmed, the line is linked to it and its own payment 待认领 rejected — the money once', async () => {
    await importCsv('11月-6.csv', [['2026-11-16', '7100.00', '王五', '', '', 'D008']]);
    let line = await lineByRef(finance, 'D008');
    const bankPayment = line.payment.id as string;
    expect(line).toMatchObject({ status: 'unclaimed', payment: { status: 'unclaimed' }, proposal: null });
    const hand = await register(repNorth, 'c', '7100.00', '2026-11-17');
    // before any rematch, booking the line for that customer by hand is refused: it would count the money twice
    const split = await finance.post(`/api/v1/bank-statement-lines/${line.id}/split`, { customerId: ids.c, allocations: [], version: line.version });
    expect(split.status).toBe(409);
    expect(split.body.code).toBe('bank_statements.same_money');
    expect(split.body.detail).toContain(hand.number);
    const re = await finance.post('/api/v1/bank-statement-lines/rematch', {});
    expect(re.status).toBe(200);
    line = await lineByRef(finance, 'D008');
    expect(line).toMatchObject({ proposal: { rule: 'existing_payment', customer: { id: ids.c }, payment: { id: hand.id } } });
    // scope: a rep of another team sees the line 待认领, not whose payment it may be
    expect((await lineByRef(rep, 'D008')).proposal).toBeNull();
    expect((await lineByRef(repNorth, 'D008')).proposal).toMatchObject({ rule: 'existing_payment' });
    expect((await rep.post(`/api/v1/bank-statement-lines/${line.id}/confirm`, { version: line.version })).status).toBe(403);
    const ok = await finance.post(`/api/v1/bank-statement-lines/${line.id}/confirm`, { version: line.version });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ status: 'matched', matchedHow: 'linked', payment: { id: hand.id, status: 'confirmed', customer: { id: ids.c } } });
    const rejected = await inTenant(db, { tenantId: t.tenantId, userId: t.users.admin.id }, (tx) =>
      sql<{ status: string; rejected_reason: string }>`select status, rejected_reason from payments where id = ${bankPayment}`.execute(tx));
    expect(rejected.rows[0]).toMatchObject({ status: 'rejected' });
    expect(rejected.rows[0]!.rejected_reason).toContain(hand.number);
    expect(await money('c')).toEqual({ payments: 1, total: '7100.00', unapplied: '7100.00', prepaid: '7100.00' });
  });

  it('the rep who registered it claims the waiting bank payment: the two become one (bank payment rejected, hers confirmed)', async () => {
    await importCsv('11月-8.csv', [['2026-11-18', '7300.00', '孙七', '', '', 'D010']]);
    const line = await lineByRef(rep, 'D010');
    const hand = await register(rep, 'a', '7300.00', '2026-11-18');
    const before = await paymentCounts();
    const res = await rep.post(`/api/v1/bank-statement-lines/${line.id}/claim`, { customerId: ids.a, version: line.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'matched', matchedHow: 'linked', payment: { id: hand.id, status: 'confirmed' } });
    expect(await paymentCounts()).toEqual({ unclaimed: before.unclaimed - 1, rejected: before.rejected + 1, claimed: before.claimed - 1, confirmed: before.confirmed + 1 });
  });

  it('a pairing finance rejected is not proposed again by the next rematch', async () => {
    await importCsv('11月-7.csv', [['2026-11-20', '8300.00', '赵六', '', '', 'D009']]);
    await register(rep, 'a', '8300.00', '2026-11-21');
    await finance.post('/api/v1/bank-statement-lines/rematch', {});
    const line = await lineByRef(finance, 'D009');
    expect(line.proposal).toMatchObject({ rule: 'existing_payment' });
    expect((await finance.post(`/api/v1/bank-statement-lines/${line.id}/reject`, { what: 'proposal', reason: '两笔钱', version: line.version })).status).toBe(200);
    await finance.post('/api/v1/bank-statement-lines/rematch', {});
    expect((await lineByRef(finance, 'D009')).proposal?.rule ?? null).not.toBe('existing_payment');
  });
});

describe('one payment is one bank line\'s money at most', () => {
  it('the unique index refuses a second line on the same payment', async () => {
    const linked = await lineByRef(finance, 'D001');
    const other = await lineByRef(finance, 'D002');
    await expect(inTenant(db, { tenantId: t.tenantId, userId: t.users.admin.id }, (tx) =>
      sql`update bank_statement_lines set payment_id = ${linked.payment.id} where id = ${other.id}`.execute(tx))).rejects.toThrow(/bank_statement_lines_payment|unique|duplicate/i);
  });
});
