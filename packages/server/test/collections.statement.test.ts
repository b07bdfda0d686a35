// Statement of account 对账单 for June 2026 and for July to today, every balance worked out by hand from the fixture,
// and its Excel and PDF exports (the PDF must carry the Chinese font and the customer's name).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { businessDate } from '../src/platform/clock.js';
import { login, makeTenant, testApp, type TestTenant } from './helpers.js';
import { buildDataset, type Dataset } from './collections.fixture.js';

let t: TestTenant;
let d: Dataset;
let baseUrl: string;
const today = businessDate(new Date());

beforeAll(async () => {
  const h = await testApp();
  baseUrl = h.baseUrl;
  t = await makeTenant(h.db);
  d = await buildDataset(h.baseUrl, t);
});

async function download(path: string): Promise<{ status: number; type: string | null; disposition: string | null; data: Buffer }> {
  const res = await fetch(baseUrl + path, { headers: { authorization: `Bearer ${d.finance.token}` } });
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), data: Buffer.from(await res.arrayBuffer()) };
}

const hasTool = (tool: string) => {
  try {
    execFileSync(tool, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

describe('statement of account', () => {
  it('June: opening balance, lines with a running balance, closing balance — by hand', async () => {
    const res = await d.finance.get(`/api/v1/customers/${d.x}/statement?from=2026-06-01&to=2026-06-30`);
    expect(res.status).toBe(200);
    const s = res.body;
    // Through 05-31: invoices R2…R6 = 20000, confirmed payment P3 (05-20) 3000 → 17000.
    expect(s.openingBalance).toBe('17000.00');
    expect(s.lines.map((l: { date: string; kind: string; debit: string; credit: string; balance: string }) => [l.date, l.kind, l.debit, l.credit, l.balance])).toEqual([
      ['2026-06-01', 'receivable', '1000.00', '0.00', '18000.00'], // R1
      ['2026-06-01', 'payment', '0.00', '600.00', '17400.00'],     // P4
      ['2026-06-10', 'payment', '0.00', '1500.00', '15900.00'],    // P1
      ['2026-06-25', 'credit_note', '0.00', '200.00', '15700.00'], // 红冲 on R1
    ]);
    expect(s.lines[0].number).toBe(d.r.r1.number);
    expect(s.totals).toEqual({ debit: '1000.00', credit: '2300.00' });
    expect(s.closingBalance).toBe('15700.00');
    // The balance is what is open less money received but not yet applied: 16300 − 600 (P4, its write-off reversed).
    expect(s.closing).toEqual({ receivablesOpen: '16300.00', paymentsUnapplied: '600.00', creditNotesUnapplied: '0.00' });
    // Write-offs move money between payments and receivables; they are listed, not added to the balance.
    expect(s.writeOffs.map((w: { date: string; kind: string; total: string; lines: unknown[] }) => [w.date, w.kind, w.total, w.lines.length])).toEqual([
      ['2026-06-01', 'apply', '600.00', 1], ['2026-06-10', 'apply', '1500.00', 2], ['2026-06-15', 'reverse', '-600.00', 1], ['2026-06-25', 'apply', '200.00', 1],
    ]);
    expect(s.writeOffs[1].lines).toEqual([
      { receivableNumber: d.r.r2.number, source: 'payment', sourceNumber: expect.stringMatching(/^HK-2026-/), amount: '500.00' },
      { receivableNumber: d.r.r3.number, source: 'payment', sourceNumber: expect.stringMatching(/^HK-2026-/), amount: '1000.00' },
    ]);
  });

  it('July to today: a booking, a payment and the bad debt written off today; the July reversal is not a line', async () => {
    const s = (await d.finance.get(`/api/v1/customers/${d.x}/statement?from=2026-07-01&to=${today}`)).body;
    expect(s.openingBalance).toBe('15700.00');
    expect(s.lines.map((l: { kind: string; debit: string; credit: string; balance: string }) => [l.kind, l.debit, l.credit, l.balance])).toEqual([
      ['receivable', '7000.00', '0.00', '22700.00'], // R7, 07-05
      ['payment', '0.00', '2500.00', '20200.00'],    // P2, 07-10
      ['bad_debt', '0.00', '1000.00', '19200.00'],   // R6, today
    ]);
    expect(s.closingBalance).toBe('19200.00');
    // Open 22800, unapplied 3600 (P3 again after W3's reversal, and P4): 22800 − 3600 = 19200.
    expect(s.closing).toEqual({ receivablesOpen: '22800.00', paymentsUnapplied: '3600.00', creditNotesUnapplied: '0.00' });
  });

  it('is refused outside the caller\'s data scope and for a bad period', async () => {
    const north = await login(baseUrl, t.users.repNorth);
    expect((await north.get(`/api/v1/customers/${d.x}/statement?from=2026-06-01&to=2026-06-30`)).status).toBe(404);
    const owner = await login(baseUrl, t.users.repEast);
    expect((await owner.get(`/api/v1/customers/${d.x}/statement?from=2026-06-01&to=2026-06-30`)).status).toBe(200);
    expect((await d.finance.get(`/api/v1/customers/${d.x}/statement?from=2026-07-01&to=2026-06-30`)).status).toBe(400);
  });

  it('exports to Excel with the same figures', async () => {
    const res = await download(`/api/v1/customers/${d.x}/statement.xlsx?from=2026-06-01&to=2026-06-30`);
    expect(res.status).toBe(200);
    expect(res.type).toContain('spreadsheetml');
    expect(res.disposition).toContain(encodeURIComponent('对账单'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.data as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('B2').value).toBe('杭州账龄测试机械有限公司');
    const rows: unknown[][] = [];
    ws.eachRow((r, n) => { if (n >= 10) rows.push([r.getCell(2).value, r.getCell(8).value]); });
    expect(rows.slice(0, 6)).toEqual([['期初余额', 17000], ['应收', 18000], ['回款', 17400], ['回款', 15900], ['红冲', 15700], ['期末余额', 15700]]);
    expect(wb.worksheets[1]!.rowCount).toBe(1 + 5); // header + five allocation lines
  });

  it('exports a PDF with the Chinese font embedded and the customer\'s name in its text', async () => {
    const res = await download(`/api/v1/customers/${d.x}/statement.pdf?from=2026-06-01&to=2026-06-30`);
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/pdf');
    expect(res.data.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The subset font's name is in the font dictionary in clear text: /FontName /ABCDEF+NotoSansHans-Regular
    expect(res.data.toString('latin1')).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansHans-Regular/);
    if (hasTool('pdftotext')) {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'l2c-pdf-')), 'statement.pdf');
      fs.writeFileSync(file, res.data);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('对账单');
      expect(text).toContain('杭州账龄测试机械有限公司');
      expect(text).toContain('15,700.00');
    }
    const en = await download(`/api/v1/customers/${d.x}/statement.pdf?from=2026-06-01&to=2026-06-30&lang=en`);
    expect(en.status).toBe(200);
    expect(en.disposition).toContain('statement-KH-');
  });
});
