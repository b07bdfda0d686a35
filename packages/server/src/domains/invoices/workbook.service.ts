// The tax platform's workbooks. Out: a batch-issue workbook 批量开票 of the approved requests, one row per invoice line,
// with the request number in the remarks so it comes back on the platform's export. In: the platform's export of
// issued invoices, read through the tenant's saved column mapping (no file format is assumed), attaching each number to
// its request — idempotently: a row whose request already carries that number creates nothing.
import ExcelJS from 'exceljs';
import { dec, roundMoney, type InvoiceImportMapping, type InvoiceImportReport } from '@l2c/shared';
import { inTenant, type Db } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { DomainError } from '../../platform/errors.js';
import { invoiceError } from './invoices.errors.js';
import { issueBlueTx } from './issue.service.js';
import { requestScope } from './requests.service.js';
import { readSettings } from './settings.service.js';
import * as q from './requests.sql.js';

/** Columns of the batch-issue workbook; the request number goes at the start of the remarks (备注). */
const BATCH_COLUMNS = [
  ['申请单号', 16], ['发票类型', 10], ['购买方名称', 30], ['购买方纳税人识别号', 22], ['购买方地址电话', 30], ['购买方开户行及账号', 30],
  ['项目名称', 24], ['商品和服务税收分类编码', 22], ['规格型号', 14], ['单位', 8], ['数量', 10], ['单价', 14], ['金额', 14], ['税率', 8], ['税额', 12],
  ['含税标志', 8], ['备注', 40],
] as const;

export async function batchWorkbook(db: Db, auth: AuthContext, customerId: string | null): Promise<{ data: Buffer; count: number }> {
  return inTenant(db, auth, async (tx) => {
    const requests = await q.approvedForBatch(tx, requestScope(auth), customerId);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('批量开票');
    ws.columns = BATCH_COLUMNS.map(([header, width]) => ({ header, width }));
    ws.getRow(1).font = { bold: true };
    for (const r of requests) {
      const lines = await q.requestLines(tx, r.id);
      for (const l of lines) {
        // Amount and unit price as the request states them: without tax, plus tax, and the flag says which the price is.
        ws.addRow([
          r.number, r.invoice_type === 'special' ? '数电专票' : '数电普票', r.buyer_name, r.buyer_taxpayer_id ?? '', r.buyer_address_phone ?? '', r.buyer_bank_account ?? '',
          l.name, l.tax_code ?? '', l.specification ?? '', l.unit ?? '', l.quantity === null ? '' : dec(l.quantity).toString(),
          l.unit_price === null ? '' : dec(l.unit_price).toString(), l.amount_excl_tax, dec(l.tax_rate).toString(), l.tax_amount,
          r.prices_include_tax ? '含税' : '不含税', [r.number, r.remarks].filter(Boolean).join(' '),
        ]);
      }
    }
    await recordAudit(tx, auth, { action: 'export_batch', entityType: 'invoice_settings', entityId: auth.tenantId, changes: [{ field: 'requests', before: null, after: requests.map((r) => r.number).join(', ') }] });
    return { data: Buffer.from(await wb.xlsx.writeBuffer()), count: requests.length };
  });
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    return '';
  }
  return String(v).trim();
}

function pick(value: string, pattern: string | null | undefined): string | null {
  if (!pattern) return value || null;
  const m = new RegExp(pattern).exec(value);
  return m ? (m[1] ?? m[0]) : null;
}

/** '2026-12-06', '2026/12/6', '2026年12月6日', '20261206' → '2026-12-06'. */
export function businessDateOf(text: string): string | null {
  const m = /^(\d{4})\D?(\d{1,2})\D?(\d{1,2})/.exec(text.trim());
  if (!m) return null;
  const d = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const t = new Date(`${d}T00:00:00Z`);
  return Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== d ? null : d;
}

export const IMPORT_MAX_ROWS = 5000;

export async function importIssued(db: Db, auth: AuthContext, file: Buffer): Promise<InvoiceImportReport> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw invoiceError('bad_file', 'Not an .xlsx workbook', { errors: [{ path: 'file', message: 'not an .xlsx workbook' }] });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw invoiceError('bad_file', 'The workbook has no sheet', { errors: [{ path: 'file', message: 'no sheet' }] });
  return inTenant(db, auth, async (tx) => {
    const settings = await readSettings(tx);
    const mapping: InvoiceImportMapping | null = settings.importMapping;
    if (!mapping) throw invoiceError('no_mapping');
    const header = ws.getRow(mapping.headerRow);
    const columns = new Map<string, number>();
    header.eachCell((cell, col) => columns.set(cellText(cell.value), col));
    const fields = { requestNumber: mapping.requestNumber, invoiceNumber: mapping.invoiceNumber, issueDate: mapping.issueDate, ...(mapping.amountInclTax ? { amountInclTax: mapping.amountInclTax } : {}) };
    const missing = Object.entries(fields).filter(([, ref]) => !columns.has(ref.header));
    if (missing.length) throw invoiceError('bad_file', `Columns not found in row ${mapping.headerRow}: ${missing.map(([, r]) => r.header).join(', ')}`, { errors: missing.map(([k]) => ({ path: `importMapping.${k}`, message: 'column not found' })) });
    const report: InvoiceImportReport = { rows: 0, created: 0, alreadyIssued: 0, errors: [], invoices: [] };
    const seen = new Set<string>();
    for (let n = mapping.headerRow + 1; n <= ws.rowCount && report.rows < IMPORT_MAX_ROWS; n++) {
      const row = ws.getRow(n);
      const get = (ref: { header: string; pattern?: string | null | undefined }) => pick(cellText(row.getCell(columns.get(ref.header)!).value), ref.pattern);
      const number = get(mapping.invoiceNumber);
      const requestNumber = get(mapping.requestNumber);
      if (!number && !requestNumber) continue; // blank row, or a line row of an invoice already seen
      report.rows++;
      const fail = (message: string) => report.errors.push({ row: n, message });
      if (!number || !/^\d{20}$/.test(number)) { fail(`invoice number "${number ?? ''}" is not 20 digits`); continue; }
      if (!requestNumber) { fail('no request number found'); continue; }
      if (seen.has(`${requestNumber}:${number}`)) { report.rows--; continue; } // several line rows of one invoice
      seen.add(`${requestNumber}:${number}`);
      const issueDate = businessDateOf(get(mapping.issueDate) ?? '');
      if (!issueDate) { fail('issue date is not a date'); continue; }
      const req = await q.requestByNumber(tx, requestNumber);
      if (!req || !(await q.findRequest(tx, req.id, requestScope(auth)))) { fail(`request ${requestNumber} not found`); continue; }
      if (mapping.amountInclTax) {
        const amount = get(mapping.amountInclTax)?.replace(/[,¥￥\s]/g, '');
        if (!amount || !/^-?\d+(\.\d+)?$/.test(amount) || !dec(amount).eq(dec(req.amount_incl_tax))) {
          fail(`amount ${amount ?? ''} differs from request ${requestNumber} (${roundMoney(req.amount_incl_tax, 'CNY')})`);
          continue;
        }
      }
      try {
        const out = await issueBlueTx(tx, auth, req.id, { number, issueDate, source: 'import' });
        if (out.created) report.created++; else report.alreadyIssued++;
        report.invoices.push({ requestNumber, number });
      } catch (err) {
        if (err instanceof DomainError && err.status < 500) { fail(err.message); continue; }
        throw err;
      }
    }
    return report;
  });
}
