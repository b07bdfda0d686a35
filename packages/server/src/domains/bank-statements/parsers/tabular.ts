// CSV and Excel exports, read through a column mapping saved per bank (banks' layouts differ: one signed amount column
// or separate 贷方/借方 columns, a running balance 余额 or none, GBK or UTF-8). CSV through csv-parse (MIT), Excel through
// exceljs (already used for customer import). No layout is guessed: the mapping names every column it reads.
import { parse as parseCsv } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../../../platform/lazy-modules.js';
import type { BankColumnMapping } from '@l2c/shared';
import { dec } from '@l2c/shared';
import { clean, isCalendarDate, StatementParseError, type ParsedLine, type ParsedStatement } from './types.js';

type Mapping = BankColumnMapping;
type Cell = string | number | Date | null;

export function decodeText(content: Buffer, encoding: Mapping['encoding']): string {
  const text = new TextDecoder(encoding === 'utf-8' ? 'utf-8' : encoding).decode(content);
  return text.replace(/^\uFEFF/, '');
}

export function readCsv(content: Buffer, mapping: Mapping): Cell[][] {
  try {
    return parseCsv(decodeText(content, mapping.encoding), { delimiter: mapping.delimiter, relax_column_count: true, skip_empty_lines: true, bom: true }) as Cell[][];
  } catch (err) {
    throw new StatementParseError(`not a readable CSV file (${(err as Error).message})`);
  }
}

export async function readXlsx(content: Buffer): Promise<Cell[][]> {
  const XL = await loadExcelJS();
  const wb = new XL.Workbook();
  try {
    await wb.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new StatementParseError('not a readable Excel (.xlsx) workbook');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new StatementParseError('the workbook has no sheet');
  const rows: Cell[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const v = cell.value as unknown;
      const value = v && typeof v === 'object' && !(v instanceof Date) ? ((v as { result?: unknown; text?: unknown }).result ?? (v as { text?: unknown }).text ?? null) : v;
      cells[col - 1] = value instanceof Date || typeof value === 'number' ? value : value == null ? null : String(value);
    });
    rows.push(cells);
  });
  return rows;
}

function dateOf(cell: Cell, format: Mapping['dateFormat']): string | null {
  if (cell instanceof Date) return cell.toISOString().slice(0, 10); // exceljs gives date cells at UTC midnight
  const s = String(cell ?? '').trim();
  if (!s) return null;
  const parts: Record<Mapping['dateFormat'], RegExp> = {
    'YYYY-MM-DD': /^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})/, 'YYYY/MM/DD': /^(?<y>\d{4})\/(?<m>\d{1,2})\/(?<d>\d{1,2})/,
    YYYYMMDD: /^(?<y>\d{4})(?<m>\d{2})(?<d>\d{2})/, 'DD.MM.YYYY': /^(?<d>\d{1,2})\.(?<m>\d{1,2})\.(?<y>\d{4})/,
    'DD/MM/YYYY': /^(?<d>\d{1,2})\/(?<m>\d{1,2})\/(?<y>\d{4})/, 'MM/DD/YYYY': /^(?<m>\d{1,2})\/(?<d>\d{1,2})\/(?<y>\d{4})/,
  };
  const g = parts[format].exec(s)?.groups;
  if (!g) return null;
  const ymd = `${g.y}-${g.m!.padStart(2, '0')}-${g.d!.padStart(2, '0')}`;
  return isCalendarDate(ymd) ? ymd : null;
}

/** "1,234.50", "(300.00)", "-1.234,50" (decimal comma), "¥ 8,000" → a signed decimal string; blank → null. */
export function amountOf(cell: Cell, decimalComma: boolean): string | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : null;
  let s = String(cell ?? '').replace(/[\s¥￥$€元]|CNY|RMB/g, '');
  if (!s || s === '-') return null;
  const negative = /^\(.*\)$/.test(s) || s.startsWith('-');
  s = s.replace(/^[(+-]+|\)$/g, '');
  s = decimalComma ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  if (!/^\d+(\.\d+)?$/.test(s)) throw new StatementParseError(`not an amount: "${String(cell)}"`);
  return negative && !dec(s).isZero() ? `-${s}` : s;
}

export interface TabularBalances { opening: string | null; closing: string | null }

/** The rows under the header, mapped to one statement (a CSV export is one account's movements). */
export function tabularStatement(rows: Cell[][], mapping: Mapping, given: TabularBalances): ParsedStatement {
  const header = (rows[mapping.headerRow - 1] ?? []).map((c) => String(c ?? '').trim());
  const col = (name: string | undefined | null, required = false): number | null => {
    if (!name) return null;
    const i = header.indexOf(name.trim());
    if (i < 0 && required) throw new StatementParseError(`column "${name}" is not in the header row ${mapping.headerRow} (found: ${header.filter(Boolean).join(', ')})`);
    return i < 0 ? null : i;
  };
  const c = mapping.columns;
  const idx = {
    bookedOn: col(c.bookedOn, true)!, valueOn: col(c.valueOn), amount: col(c.amount, !!c.amount), credit: col(c.credit, !!c.credit), debit: col(c.debit, !!c.debit),
    currency: col(c.currency), payerName: col(c.payerName), payerAccount: col(c.payerAccount), remittance: col(c.remittance),
    bankReference: col(c.bankReference), balance: col(c.balance, !!c.balance),
  };
  const text = (row: Cell[], i: number | null) => (i === null ? null : clean(row[i] instanceof Date ? (row[i] as Date).toISOString().slice(0, 10) : String(row[i] ?? '')));
  const lines: Array<ParsedLine & { balance: string | null }> = [];
  rows.slice(mapping.headerRow).forEach((row, n) => {
    const where = `row ${mapping.headerRow + n + 1}`;
    if (row.every((cell) => cell === null || String(cell).trim() === '')) return;
    const bookedOn = dateOf(row[idx.bookedOn] ?? null, mapping.dateFormat);
    if (!bookedOn) throw new StatementParseError(`"${String(row[idx.bookedOn] ?? '')}" is not a date as ${mapping.dateFormat}`, where);
    let signed: string | null;
    if (idx.amount !== null) signed = amountOf(row[idx.amount] ?? null, mapping.decimalComma);
    else {
      const cr = amountOf(row[idx.credit!] ?? null, mapping.decimalComma);
      const db = amountOf(row[idx.debit!] ?? null, mapping.decimalComma);
      signed = cr && !dec(cr).isZero() ? cr : db && !dec(db).isZero() ? `-${db.replace(/^-/, '')}` : null;
    }
    if (!signed || dec(signed).isZero()) return; // a zero or empty movement (a balance-only row) books nothing
    const balance = idx.balance === null ? null : amountOf(row[idx.balance] ?? null, mapping.decimalComma);
    lines.push({
      bookedOn, valueOn: idx.valueOn === null ? null : dateOf(row[idx.valueOn] ?? null, mapping.dateFormat),
      direction: signed.startsWith('-') ? 'debit' : 'credit', amount: signed.replace(/^-/, ''),
      currency: text(row, idx.currency) ?? mapping.currency, payerName: text(row, idx.payerName), payerAccount: text(row, idx.payerAccount),
      remittance: text(row, idx.remittance), bankReference: text(row, idx.bankReference), customerReference: null, balance,
    });
  });
  if (lines.length === 0) throw new StatementParseError(`no movements under header row ${mapping.headerRow}`);
  // Opening and closing from the running balance 余额 when the bank gives one (oldest-first or newest-first exports).
  let opening = given.opening;
  let closing = given.closing;
  const withBalance = lines.filter((l) => l.balance !== null);
  if (withBalance.length === lines.length && (opening === null || closing === null)) {
    const signedOf = (l: ParsedLine) => (l.direction === 'credit' ? dec(l.amount) : dec(l.amount).negated());
    const ordered = lines.length > 1 && lines[0]!.bookedOn > lines[lines.length - 1]!.bookedOn ? [...lines].reverse() : lines;
    opening ??= dec(ordered[0]!.balance!).minus(signedOf(ordered[0]!)).toString();
    closing ??= ordered[ordered.length - 1]!.balance!;
  }
  const first = lines.map((l) => l.bookedOn).sort()[0]!;
  const last = lines.map((l) => l.bookedOn).sort().at(-1)!;
  return {
    account: mapping.account ?? mapping.bank, currency: mapping.currency, reference: null, number: null,
    opening: opening === null ? null : { amount: opening, currency: mapping.currency, date: first },
    closing: closing === null ? null : { amount: closing, currency: mapping.currency, date: last },
    available: null, lines: lines.map(({ balance: _b, ...l }) => l),
  };
}
