// The statement readers against real bank files (test/fixtures/bank-statements, with their licences): every statement
// of a file, every figure as the bank wrote it, and the balance check that flags the ABN AMRO file.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStatement, detectFormat, parseCamt053, parseMt940, parseFile } from '../src/domains/bank-statements/index.js';

const dir = path.join(import.meta.dirname, 'fixtures/bank-statements');
const read = (f: string) => fs.readFileSync(path.join(dir, f));
const amounts = (s: { lines: Array<{ direction: string; amount: string }> }) => s.lines.map((l) => (l.direction === 'debit' ? `-${l.amount}` : l.amount));

describe('MT940', () => {
  it('ABN AMRO: two statements, eight debits with a three-line :86:, and a file that does not reconcile', () => {
    const [s1, s2, ...rest] = parseMt940(read('abnamro.sta').toString('utf8'));
    expect(rest).toEqual([]);
    expect(s1).toMatchObject({ account: '517852257', currency: 'EUR', number: '19321/1', opening: { amount: '3236.28', date: '2011-05-22', currency: 'EUR' }, closing: { amount: '876.84', date: '2011-05-23' } });
    expect(amounts(s1!)).toEqual(['-9', '-11.59', '-11.63', '-11.8', '-13.45', '-15.49', '-107', '-141.48']);
    expect(s1!.lines[0]!.remittance).toContain('BETREFT FACTUUR D.D. 20-05-2011 INCL. 1,44 BTW');
    expect(s1!.lines.every((l) => l.customerReference === null)).toBe(true); // NONREF is no reference
    expect(s2).toMatchObject({ number: '19322/1', opening: { amount: '2876.84', date: '2011-05-23' }, closing: { amount: '1849.75', date: '2011-05-24' } });
    expect(amounts(s2!)).toEqual(['-9.49', '-15']);
    const check = checkStatement(s1!);
    expect(check.debits).toBe('321.44');
    expect(check.problem).toContain('3236.28 + credits 0 − debits 321.44 = 2914.84');
    expect(check.problem).toContain('876.84');
  });

  it('cmxl: three statements in DEM, EUR and PLN, all reconcile; amounts with no or one decimal; ?xx sub-fields', () => {
    const ss = parseMt940(read('cmxl_dem.sta').toString('utf8'));
    expect(ss.map((s) => [s.account, s.currency, s.opening!.amount, s.closing!.amount, s.lines.length])).toEqual([
      ['45050050/76198810', 'DEM', '84349.74', '84437.04', 11],
      ['10020030/1234567', 'EUR', '2187.95', '4387.95', 2],
      ['BPHKPLPK/320000546101', 'PLN', '40000.00', '50040.00', 3],
    ]);
    expect(ss.map((s) => checkStatement(s))).toEqual([
      { credits: '49396.74', debits: '49309.44', problem: null },
      { credits: '3000', debits: '800', problem: null },
      { credits: '20040', debits: '10000', problem: null },
    ]);
    expect(amounts(ss[0]!).slice(0, 2)).toEqual(['-6800', '-620.3']);
    expect(amounts(ss[1]!)).toEqual(['-800', '3000']);
    expect(ss[1]!.lines[0]).toMatchObject({ remittance: 'Miete November', payerName: 'MUELLER', bankReference: '55555', bookedOn: '2002-11-02', valueOn: '2002-11-01' });
    expect(ss[1]!.lines[1]!.remittance).toBe('Gehalt Oktober FirmaMustermannGmbH');
    expect(amounts(ss[2]!)).toEqual(['20000.00', '-10000.00', '40.00']);
    expect(ss[2]!.lines[1]!.customerReference).toBe('REF 25611247');
    expect(ss[2]!.lines[0]!.payerName).toBe('HUTA SZKLA TOPIC ULPRZEMY SLOWA 67 32-669 WROCLAW') // as the bank split it: ?32 wraps, ?33 starts mid-word;
    expect(ss[2]!.lines[2]!.remittance).toContain('Odsetki od lokaty'); // UTF-8 text kept
  });

  it('mBank: the SOH framing byte, three credits of 0.01 with their bank references, the available balance', () => {
    const content = read('mbank.sta');
    expect(content[0]).toBe(0x01);
    expect(detectFormat(content, 'x.txt')).toBe('mt940');
    const [s] = parseMt940(content.toString('utf8'));
    expect(s).toMatchObject({ account: 'PL29114010810000267002001002', currency: 'PLN', opening: { amount: '0.40' }, closing: { amount: '0.43' }, available: { amount: '0.43' } });
    expect(s!.lines.map((l) => [l.direction, l.amount, l.bankReference])).toEqual([
      ['credit', '0.01', 'MB170119012058'], ['credit', '0.01', 'MB170119012085'], ['credit', '0.01', 'MB170119012121'],
    ]);
    expect(checkStatement(s!).problem).toBeNull();
  });
});

describe('camt.053', () => {
  it('reads the entry, the debtor, the structured reference, and flags balances in four currencies', () => {
    const content = read('camt053.v2.minimal.xml');
    expect(detectFormat(content, 'statement.xml')).toBe('camt053');
    const [s, ...rest] = parseCamt053(content.toString('utf8'));
    expect(rest).toEqual([]);
    expect(s).toMatchObject({
      account: 'NL26VAYB8060476890', currency: 'EUR', reference: '253EURNL26VAYB8060476890', number: '12312',
      opening: { amount: '18.15', currency: 'EUR', date: '2014-12-30' }, closing: { amount: '-27.00', currency: 'SEK', date: '2014-12-31' },
      available: { amount: '-2700', currency: 'JPY' },
    });
    expect(s!.lines).toEqual([{
      bookedOn: '2014-12-31', valueOn: '2015-01-02', direction: 'credit', amount: '8.85', currency: 'EUR', payerName: 'NAME NAME',
      payerAccount: 'NL56AGDH9619008421', remittance: '4654654654654654', bankReference: null, customerReference: null,
    }]);
    expect(checkStatement(s!).problem).toMatch(/more than one currency.*EUR, SEK/);
  });
});

describe('CSV and Excel through a column mapping', () => {
  const mapping = {
    bank: '招商银行', account: '571900001234', currency: 'CNY', headerRow: 2, delimiter: ',' as const, encoding: 'gbk' as const,
    dateFormat: 'YYYYMMDD' as const, decimalComma: false,
    columns: { bookedOn: '交易日', credit: '贷方金额', debit: '借方金额', payerName: '对方户名', payerAccount: '对方账号', remittance: '摘要', balance: '余额' },
  };
  it('a GBK CSV with credit and debit columns and a running balance: opening and closing from the balance, checked', async () => {
    const csv = '招商银行 账户明细\n交易日,摘要,借方金额,贷方金额,余额,对方户名,对方账号\n'
      + '20261102,货款 YS-2026-000001,,"12,000.00","112,000.00",杭州甲公司,6222000011112222\n'
      + '20261103,手续费,15.00,,"111,985.00",,\n';
    const content = Buffer.from(new TextEncoder().encode(csv)); // UTF-8 first, to build the GBK bytes below
    const gbk = Buffer.from(iconvGbk(csv));
    const [s] = await parseFile(gbk.length ? gbk : content, 'csv', mapping, { opening: null, closing: null });
    expect(s).toMatchObject({ account: '571900001234', opening: { amount: '100000' }, closing: { amount: '111985.00' } });
    expect(s!.lines.map((l) => [l.direction, l.amount, l.payerName])).toEqual([['credit', '12000.00', '杭州甲公司'], ['debit', '15.00', null]]);
    expect(checkStatement(s!).problem).toBeNull();
  });
});

describe('Excel through a column mapping', () => {
  it('reads date cells, number cells and a signed amount column from the first sheet', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('明细');
    ws.addRow(['记账日期', '金额', '余额', '付款方', '用途']);
    ws.addRow([new Date(Date.UTC(2026, 10, 2)), 5000, 105000, '苏州丁公司', 'HT-2026-000007 首付款']);
    ws.addRow([new Date(Date.UTC(2026, 10, 3)), -12.5, 104987.5, '', '手续费']);
    const content = Buffer.from(await wb.xlsx.writeBuffer());
    expect(detectFormat(content, 'export.xlsx')).toBe('xlsx');
    const mapping = {
      bank: '工商银行', account: '1202000000000', currency: 'CNY', headerRow: 1, delimiter: ',' as const, encoding: 'utf-8' as const,
      dateFormat: 'YYYY-MM-DD' as const, decimalComma: false,
      columns: { bookedOn: '记账日期', amount: '金额', balance: '余额', payerName: '付款方', remittance: '用途' },
    };
    const [s] = await parseFile(content, 'xlsx', mapping, { opening: null, closing: null });
    expect(s!.lines.map((l) => [l.bookedOn, l.direction, l.amount, l.payerName, l.remittance])).toEqual([
      ['2026-11-02', 'credit', '5000', '苏州丁公司', 'HT-2026-000007 首付款'], ['2026-11-03', 'debit', '12.5', null, '手续费'],
    ]);
    expect(s).toMatchObject({ opening: { amount: '100000' }, closing: { amount: '104987.5' } });
    expect(checkStatement(s!).problem).toBeNull();
  });

  it('names the column it cannot find, with the header it found', async () => {
    const csv = Buffer.from('日期,金额\n2026-11-02,1.00\n');
    const mapping = { bank: 'x', account: null, currency: 'CNY', headerRow: 1, delimiter: ',' as const, encoding: 'utf-8' as const, dateFormat: 'YYYY-MM-DD' as const, decimalComma: false,
      columns: { bookedOn: '交易日', amount: '金额' } };
    await expect(parseFile(csv, 'csv', mapping, { opening: null, closing: null })).rejects.toThrow('column "交易日" is not in the header row 1 (found: 日期, 金额)');
  });
});

/** GBK bytes of a string, through the platform's TextDecoder table (Node has no GBK encoder): built by lookup. */
function iconvGbk(text: string): Uint8Array {
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) for (let lo = 0x40; lo <= 0xfe; lo++) {
    const ch = decoder.decode(new Uint8Array([hi, lo]));
    if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else out.push(...(table.get(ch) ?? [0x3f]));
  }
  return new Uint8Array(out);
}
