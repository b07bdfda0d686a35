// The statement as an Excel workbook: one sheet of lines with the running balance, one of write-offs.
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../../platform/lazy-modules.js';
import { LABELS, type Lang } from './statement.labels.js';
import type { StatementDoc } from './statement.pdf.js';

const MONEY = '#,##0.00;[Red]-#,##0.00';

// Excel keeps numbers as IEEE doubles; an amount with at most 15 significant digits (NUMERIC(18,2) values below 10^13)
// converts to the double nearest its decimal and back to the same decimal, so the cell shows the exact amount and
// people can sum columns. The computation happened before, in decimals; this is only the hand-over to Excel.
const cellMoney = (amount: string): number => Number(amount);
const cellDate = (d: string): Date => new Date(`${d}T00:00:00Z`);

// The long tables' cells share one style object per kind. ExcelJS recognises a style it has seen by the object (a
// WeakMap); a cell gets a fresh object of its own by default, and setting its numFmt changes that one, so every cell
// was styled anew (its style rendered to XML and compared): most of the workbook's time on a 13,500-line statement.
// Shared objects must not be changed: a bold row gets its own (the closing row below).
const DATE_STYLE: Partial<ExcelJS.Style> = { numFmt: 'yyyy-mm-dd' };
const MONEY_STYLE: Partial<ExcelJS.Style> = { numFmt: MONEY };
const PLAIN_STYLE: Partial<ExcelJS.Style> = {};

export async function statementXlsx(s: StatementDoc, lang: Lang): Promise<Buffer> {
  const L = LABELS[lang];
  const XL = await loadExcelJS();
  const wb = new XL.Workbook();
  wb.creator = 'L2C';
  wb.created = new Date();
  const ws = wb.addWorksheet(L.title, { views: [{ state: 'frozen', ySplit: 9 }] });
  ws.columns = [
    { key: 'date', width: 12 }, { key: 'kind', width: 12 }, { key: 'number', width: 20 }, { key: 'ref', width: 20 },
    { key: 'memo', width: 28 }, { key: 'debit', width: 16 }, { key: 'credit', width: 16 }, { key: 'balance', width: 16 },
  ];
  ws.mergeCells('A1:H1');
  ws.getCell('A1').value = `${L.title}${L.subtitle ? ` ${L.subtitle}` : ''}`;
  ws.getCell('A1').font = { bold: true, size: 16 };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  const info: Array<[string, string]> = [
    [L.customer, s.customer.name], [L.customerNo, s.customer.number], [L.period, `${s.from} ~ ${s.to}`],
    [L.currency, s.currency], [L.owner, s.ownerName ?? '-'], [L.generated, s.generatedOn],
  ];
  info.forEach(([k, v], i) => {
    const r = ws.getRow(2 + Math.floor(i / 2));
    r.getCell(1 + (i % 2) * 4).value = k;
    r.getCell(1 + (i % 2) * 4).font = { color: { argb: 'FF666666' } };
    r.getCell(2 + (i % 2) * 4).value = v;
  });
  const sums: Array<[string, string]> = [[L.opening, s.openingBalance], [L.debit, s.totals.debit], [L.credit, s.totals.credit], [L.closing, s.closingBalance]];
  sums.forEach(([k, v], i) => {
    ws.getRow(6).getCell(1 + i * 2).value = k;
    const c = ws.getRow(6).getCell(2 + i * 2);
    c.value = cellMoney(v);
    c.numFmt = MONEY;
    c.font = { bold: true };
  });

  const header = ws.getRow(9);
  header.values = [L.date, L.kind, L.number, L.ref, L.memo, L.debit, L.credit, L.balance];
  header.font = { bold: true };
  header.eachCell((c) => { c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } }; });
  const money = (c: ExcelJS.Cell) => { c.numFmt = MONEY; };
  // A line: date, four text columns, three amounts (the cells ExcelJS makes for the row's values, nulls included).
  const add = (values: unknown[]) => {
    const r = ws.addRow(values);
    r.eachCell({ includeEmpty: true }, (c, col) => { c.style = col === 1 ? DATE_STYLE : col >= 6 && col <= 8 ? MONEY_STYLE : PLAIN_STYLE; });
    return r;
  };
  add([cellDate(s.from), L.opening, null, null, null, null, null, cellMoney(s.openingBalance)]);
  for (const l of s.lines) {
    add([cellDate(l.date), L.kinds[l.kind] ?? l.kind, l.number, l.ref, l.memo,
      l.debit === '0.00' ? null : cellMoney(l.debit), l.credit === '0.00' ? null : cellMoney(l.credit), cellMoney(l.balance)]);
  }
  const closing = ws.addRow([cellDate(s.to), L.closing, null, null, null, cellMoney(s.totals.debit), cellMoney(s.totals.credit), cellMoney(s.closingBalance)]);
  closing.getCell(1).numFmt = 'yyyy-mm-dd';
  [6, 7, 8].forEach((i) => money(closing.getCell(i)));
  closing.font = { bold: true };
  ws.addRow([]);
  ws.addRow([L.composition]).font = { bold: true };
  for (const [k, v] of [[L.receivablesOpen, s.closing.receivablesOpen], [L.paymentsUnapplied, s.closing.paymentsUnapplied], [L.creditNotesUnapplied, s.closing.creditNotesUnapplied]] as const) {
    const r = ws.addRow([k, null, null, null, null, null, null, cellMoney(v)]);
    money(r.getCell(8));
  }
  ws.addRow([]);
  ws.addRow([L.note]).font = { italic: true, color: { argb: 'FF666666' } };

  const wo = wb.addWorksheet(lang === 'zh' ? '核销记录' : 'Write-offs', { views: [{ state: 'frozen', ySplit: 1 }] });
  wo.columns = [
    { header: L.date, key: 'date', width: 12 }, { header: L.number, key: 'number', width: 20 }, { header: L.kind, key: 'kind', width: 10 },
    { header: L.receivableNo, key: 'receivable', width: 20 }, { header: L.source, key: 'source', width: 10 },
    { header: L.sourceNo, key: 'sourceNo', width: 20 }, { header: L.amount, key: 'amount', width: 16 },
  ];
  wo.getRow(1).font = { bold: true };
  for (const w of s.writeOffs) {
    for (const l of w.lines) {
      const r = wo.addRow([cellDate(w.date), w.number, L.woKinds[w.kind] ?? w.kind, l.receivableNumber, L.sources[l.source] ?? l.source, l.sourceNumber, cellMoney(l.amount)]);
      r.eachCell({ includeEmpty: true }, (c, col) => { c.style = col === 1 ? DATE_STYLE : col === 7 ? MONEY_STYLE : PLAIN_STYLE; });
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
