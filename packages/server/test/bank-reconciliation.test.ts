// Finance's month end with the bank: a statement imported, most lines matched by themselves, one confirmed, one claimed
// 认领 by the rep — the receivables close; the same file twice and an overlapping one book nothing twice; a statement
// that does not reconcile books nothing until decided; a payer learned from a confirmation is found next time.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, login, makeTenant, testApp, type Client, type TestTenant } from './helpers.js';

let t: TestTenant;
let baseUrl: string;
let finance: Client;
let rep: Client;
let repNorth: Client;
const ids: Record<string, string> = {};
const rec: Record<string, { id: string; number: string }> = {};

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
const MAPPING = {
  bank: '测试银行', account: '6214830000001111', currency: 'CNY', headerRow: 1, dateFormat: 'YYYY-MM-DD', encoding: 'utf-8',
  columns: { bookedOn: '交易日期', amount: '金额', payerName: '对方户名', payerAccount: '对方账号', remittance: '附言', bankReference: '流水号', balance: '余额' },
};
const csv = (rows: string[][]) => ['交易日期,金额,余额,对方户名,对方账号,附言,流水号', ...rows.map((r) => r.join(','))].join('\n');

async function receivable(customer: string, amount: string, dueDate: string) {
  const res = await finance.post('/api/v1/receivables', { customerId: ids[customer], amount, taxAmount: '0.00', dueDate, reason: '银行对账测试' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; number: string };
}
const open = async (r: { id: string }) => (await finance.get(`/api/v1/receivables/${r.id}`)).body;
const lines = async (c: Client, q = '') => (await c.get(`/api/v1/bank-statement-lines?limit=200${q}`)).body.items as Array<Record<string, any>>;

beforeAll(async () => {
  const h = await testApp();
  baseUrl = h.baseUrl;
  t = await makeTenant(h.db);
  [finance, rep, repNorth] = await Promise.all([login(baseUrl, t.users.finance), login(baseUrl, t.users.repEast), login(baseUrl, t.users.repNorth)]);
  ids.a = (await rep.post('/api/v1/customers', { name: '杭州甲科技有限公司', allowDuplicate: true })).body.id;
  ids.b = (await rep.post('/api/v1/customers', { name: '宁波乙制造有限公司', allowDuplicate: true })).body.id;
  ids.c = (await repNorth.post('/api/v1/customers', { name: '天津丙贸易有限公司', allowDuplicate: true })).body.id;
  rec.a1 = await receivable('a', '12000.00', '2026-10-31');
  rec.a2 = await receivable('a', '3000.00', '2026-11-30');
  rec.b1 = await receivable('b', '8888.00', '2026-10-15');
  rec.c1 = await receivable('c', '7777.00', '2026-10-20');
});

describe('import → automatic matching → confirm and claim → receivables close', () => {
  let file: string;
  it('imports a CSV through a saved mapping; two lines match by themselves, one waits with a proposal, one without', async () => {
    file = csv([
      ['2026-11-02', '12000.00', '112000.00', '杭州某代付公司', '6222000000000001', `货款 ${rec.a1!.number}`, 'B001'],
      ['2026-11-02', '8888.00', '120888.00', '宁波乙制造有限公司', '6222000000000002', '十月货款', 'B002'],
      ['2026-11-03', '7777.00', '128665.00', '丙贸易（天津）', '6222000000000003', '付款', 'B003'],
      ['2026-11-03', '3500.00', '132165.00', '张三', '6222000000000004', '', 'B004'],
      ['2026-11-04', '-15.00', '132150.00', '', '', '手续费', 'B005'],
    ]);
    const res = await finance.post('/api/v1/bank-statements/imports', { fileName: '11月流水.csv', contentBase64: b64(file), mapping: MAPPING, saveMapping: true });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ alreadyImported: false, linesNew: 5, linesKnown: 0, autoApplied: 2, proposed: 1, unmatched: 1 });
    expect(res.body.statements).toHaveLength(1);
    expect(res.body.statements[0]).toMatchObject({ status: 'balanced', openingBalance: '100000.00', closingBalance: '132150.00', credits: '32165.00', debits: '15.00', problem: null });
    expect(await open(rec.a1!)).toMatchObject({ amountOpen: '0.00', status: 'paid' });
    expect(await open(rec.b1!)).toMatchObject({ amountOpen: '0.00', status: 'paid' });
    const all = await lines(finance);
    const byRef = Object.fromEntries(all.map((l) => [l.bankReference, l]));
    expect(byRef.B001).toMatchObject({ status: 'matched', matchedHow: 'auto', proposal: { rule: 'reference', confidence: 98, customer: { id: ids.a } } });
    expect(byRef.B002).toMatchObject({ status: 'matched', proposal: { rule: 'payer_amount', confidence: 92 } });
    expect(byRef.B003).toMatchObject({ status: 'unclaimed', proposal: { rule: 'amount_only', confidence: 60, customer: { id: ids.c }, allocations: [{ number: rec.c1!.number, amount: '7777.00' }] } });
    expect(byRef.B003!.payment).toMatchObject({ status: 'unclaimed', customer: null });
    expect(byRef.B004).toMatchObject({ status: 'unclaimed', proposal: null });
    expect(byRef.B005).toMatchObject({ status: 'ignored', payment: null });
    // The mapping is saved for the bank's next file.
    expect((await finance.get('/api/v1/bank-column-mappings')).body.items).toMatchObject([{ bank: '测试银行', version: 1 }]);
  });

  it('the same file again, and an overlapping one, book nothing twice', async () => {
    const again = await finance.post('/api/v1/bank-statements/imports', { fileName: 'copy.csv', contentBase64: b64(file) });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ alreadyImported: true, linesNew: 0, autoApplied: 0 });
    const mappingId = (await finance.get('/api/v1/bank-column-mappings')).body.items[0].id;
    const overlap = csv([
      ['2026-11-03', '3500.00', '132165.00', '张三', '6222000000000004', '', 'B004'],
      ['2026-11-04', '-15.00', '132150.00', '', '', '手续费', 'B005'],
      ['2026-11-05', '100.00', '132250.00', '李四', '6222000000000009', '', 'B006'],
    ]);
    const res = await finance.post('/api/v1/bank-statements/imports', { fileName: 'overlap.csv', contentBase64: b64(overlap), mappingId });
    expect(res.body).toMatchObject({ alreadyImported: false, linesNew: 1, linesKnown: 2 });
    expect((await lines(finance)).filter((l) => l.bankReference === 'B004')).toHaveLength(1);
  });

  it('finance confirms the amount-only proposal; the payer is learned and found by its account next time', async () => {
    const line = (await lines(finance)).find((l) => l.bankReference === 'B003')!;
    const res = await finance.post(`/api/v1/bank-statement-lines/${line.id}/confirm`, { version: line.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'matched', matchedHow: 'confirmed', payment: { status: 'confirmed', customer: { id: ids.c } } });
    expect(await open(rec.c1!)).toMatchObject({ amountOpen: '0.00', status: 'paid' });
    // Next month the same payer pays a new receivable of 天津丙: found by the learned name, applied at once.
    const c2 = await receivable('c', '4321.00', '2026-12-20');
    const next = csv([['2026-12-01', '4321.00', '136571.00', '丙贸易（天津）', '6222000000000003', '', 'B101']]);
    const res2 = await finance.post('/api/v1/bank-statements/imports', { fileName: '12月.csv', contentBase64: b64(next), mapping: MAPPING });
    expect(res2.body).toMatchObject({ linesNew: 1, autoApplied: 1 });
    expect(await open(c2)).toMatchObject({ amountOpen: '0.00' });
    const learned = (await lines(finance)).find((l) => l.bankReference === 'B101')!;
    expect(learned.proposal).toMatchObject({ rule: 'payer_amount', confidence: 95 });
    expect(learned.proposal.reasons[0].code).toBe('payer_account');
  });

  it('a rep claims 认领 a waiting line for her own customer only: oldest due first, the rest prepaid', async () => {
    const line = (await lines(rep, '&status=unclaimed')).find((l) => l.bankReference === 'B004')!;
    expect(line).toBeTruthy();
    // Not her customer: 404, the same answer an unknown customer gets.
    const wrong = await rep.post(`/api/v1/bank-statement-lines/${line.id}/claim`, { customerId: ids.c, version: line.version });
    expect(wrong.status).toBe(404);
    const key = { 'idempotency-key': `claim-${t.slug}-1` };
    const res = await rep.post(`/api/v1/bank-statement-lines/${line.id}/claim`, { customerId: ids.a, version: line.version }, key);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // the same request again (a retry after a lost answer): the first answer, nothing booked twice
    const replay = await rep.post(`/api/v1/bank-statement-lines/${line.id}/claim`, { customerId: ids.a, version: line.version }, key);
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(res.body).toMatchObject({ status: 'matched', matchedHow: 'claimed', payment: { customer: { id: ids.a } } });
    expect(await open(rec.a2!)).toMatchObject({ amountOpen: '0.00', status: 'paid' });
    expect((await finance.get(`/api/v1/customers/${ids.a}/accounts`)).body).toMatchObject({ prepaid: '500.00' });
    // Claiming again: the line is no longer waiting.
    expect((await rep.post(`/api/v1/bank-statement-lines/${line.id}/claim`, { customerId: ids.a, version: res.body.version })).status).toBe(409);
    // The other team's rep sees neither the line booked to 杭州甲 nor its proposal.
    expect((await lines(repNorth)).some((l) => l.bankReference === 'B004')).toBe(false);
  });

  it('finance rejects a line that is no customer\'s money; its payment is rejected', async () => {
    const line = (await lines(finance)).find((l) => l.bankReference === 'B006')!;
    const res = await finance.post(`/api/v1/bank-statement-lines/${line.id}/reject`, { what: 'line', reason: '利息收入', version: line.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'rejected', payment: { status: 'rejected' } });
  });
});

describe('an invoice number 发票号码 in the remittance text', () => {
  it('finds the receivables the invoice was issued for and writes them off by itself', async () => {
    const r = await receivable('b', '2468.00', '2026-12-31');
    const settings = await call(baseUrl, 'PUT', '/api/v1/invoice-settings', { token: finance.token, body: { seller: { name: '银行对账测试销售方', taxpayerId: '91330100BANK00001X' }, importMapping: null } });
    expect(settings.status, JSON.stringify(settings.body)).toBe(200);
    const request = await rep.post('/api/v1/invoice-requests', {
      invoiceType: 'ordinary', pricesIncludeTax: true, items: [{ receivableId: r.id, amount: '2468.00' }], lines: [{ name: '工业网关', amount: '2468.00', taxRate: '0.13' }],
    });
    expect(request.status, JSON.stringify(request.body)).toBe(201);
    expect((await finance.post(`/api/v1/approvals/${request.body.approvalId}/approve`, {})).status).toBe(200);
    const number = `2633200${String(Date.now()).slice(-13)}`;
    const issued = await finance.post(`/api/v1/invoice-requests/${request.body.id}/issue`, { number, issueDate: '2026-11-20' });
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    const file = csv([['2026-11-21', '2468.00', '140000.00', '某财务公司', '6222000000000077', `付发票${number}`, 'B201']]);
    const res = await finance.post('/api/v1/bank-statements/imports', { fileName: 'invoice.csv', contentBase64: b64(file), mapping: MAPPING, openingBalance: '137532.00' });
    expect(res.body).toMatchObject({ linesNew: 1, autoApplied: 1 });
    expect(await open(r)).toMatchObject({ amountOpen: '0.00', status: 'paid' });
    const line = (await lines(finance)).find((l) => l.bankReference === 'B201')!;
    expect(line.proposal).toMatchObject({ rule: 'reference', confidence: 98 });
    expect(line.proposal.reasons[0].code).toBe('names_invoice');
  });
});

describe('a statement that does not reconcile', () => {
  it('is kept with its lines held and no payment until finance accepts it', async () => {
    const file = csv([['2026-11-10', '555.00', '', '某公司', '', '', 'U001']]);
    const mapping = { ...MAPPING, columns: { ...MAPPING.columns, balance: undefined } };
    const res = await finance.post('/api/v1/bank-statements/imports', { fileName: 'bad.csv', contentBase64: b64(file), mapping, openingBalance: '1000.00', closingBalance: '1500.00' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const s = res.body.statements[0];
    expect(s).toMatchObject({ status: 'unbalanced', expectedClosing: '1555.00', closingBalance: '1500.00' });
    expect(s.problem).toContain('difference -55');
    const held = (await lines(finance, `&statementId=${s.id}`))[0]!;
    expect(held).toMatchObject({ status: 'held', payment: null });
    // A rep does not even see it.
    expect((await lines(rep)).some((l) => l.id === held.id)).toBe(false);
    const decided = await finance.post(`/api/v1/bank-statements/${s.id}/decide`, { decision: 'accept', note: '银行回单核对无误，期末余额抄错', version: s.version });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body).toMatchObject({ status: 'accepted', decisionNote: '银行回单核对无误，期末余额抄错' });
    expect((await lines(finance, `&statementId=${s.id}`))[0]).toMatchObject({ status: 'unclaimed', payment: { status: 'unclaimed' } });
    expect((await finance.post(`/api/v1/bank-statements/${s.id}/decide`, { decision: 'reject', note: 'x', version: decided.body.version })).status).toBe(409);
  });

  it('real MT940 and camt.053 files: every statement kept, the unbalanced ones flagged, foreign currencies not booked', async () => {
    const fx = (f: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures/bank-statements', f)).toString('base64');
    const abn = await finance.post('/api/v1/bank-statements/imports', { fileName: 'abnamro.sta', contentBase64: fx('abnamro.sta') });
    expect(abn.body.statements.map((s: any) => s.status)).toEqual(['unbalanced', 'unbalanced']);
    expect(abn.body).toMatchObject({ linesNew: 10, autoApplied: 0, proposed: 0, unmatched: 0 });
    const cmxl = await finance.post('/api/v1/bank-statements/imports', { fileName: 'cmxl.sta', contentBase64: fx('cmxl_dem.sta') });
    expect(cmxl.body.statements.map((s: any) => [s.currency, s.status, s.lineCount])).toEqual([['DEM', 'balanced', 11], ['EUR', 'balanced', 2], ['PLN', 'balanced', 3]]);
    // The EUR credit becomes a payment 待认领; DEM and PLN are kept but not booked (L2C has no such currency).
    expect(cmxl.body).toMatchObject({ linesNew: 16, unmatched: 1 });
    const eur = (await lines(finance, `&statementId=${cmxl.body.statements[1].id}`)).find((l) => l.direction === 'credit')!;
    expect(eur).toMatchObject({ status: 'unclaimed', amount: '3000.00', currency: 'EUR', payment: { status: 'unclaimed' } });
    expect((await lines(finance, `&statementId=${cmxl.body.statements[2].id}`)).map((l) => l.status).sort()).toEqual(['ignored', 'unsupported', 'unsupported']);
    const camt = await finance.post('/api/v1/bank-statements/imports', { fileName: 'camt.xml', contentBase64: fx('camt053.v2.minimal.xml') });
    expect(camt.body.statements[0]).toMatchObject({ status: 'unbalanced', account: 'NL26VAYB8060476890', openingBalance: '18.15', closingBalance: '-27.00' });
    const bad = await finance.post('/api/v1/bank-statements/imports', { fileName: 'x.sta', contentBase64: b64(':20:X\n:25:1\n:60F:C990101EUR1,00\n:61:garbage\n:62F:C990101EUR1,00\n-') });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('bank_statements.bad_file');
  });

  it('a rep may not import or decide', async () => {
    expect((await rep.post('/api/v1/bank-statements/imports', { fileName: 'a.csv', contentBase64: b64('x') })).status).toBe(403);
    expect((await call(baseUrl, 'PUT', '/api/v1/bank-column-mappings', { token: rep.token, body: MAPPING })).status).toBe(403);
  });
});
