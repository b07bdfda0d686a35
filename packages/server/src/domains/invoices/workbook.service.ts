// The tax platform's workbooks. Out: a batch-issue workbook 批量开票 of the approved requests, one row per invoice line,
// with the request number in the remarks so it comes back on the platform's export; its headers are the tenant's saved
// ones for its platform template (settings.batchHeaders; a column may be left out), else L2C's defaults. In: the platform's export of
// issued invoices, read through the tenant's saved column mapping (no file format is assumed), attaching each number to
// its request — idempotently: a row whose request already carries that number creates nothing.
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../../platform/lazy-modules.js';
import { dec, roundMoney, type BatchField, type InvoiceImportMapping, type InvoiceImportReport } from '@l2c/shared';
import { inTenant, type Db } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { DomainError } from '../../platform/errors.js';
import { invoiceError } from './invoices.errors.js';
import { issueBlueTx } from './issue.service.js';
import { requestScope } from './requests.service.js';
import { batchColumns, readSettings } from './settings.service.js';
import * as q from './requests.sql.js';

const WIDTH: Partial<Record<BatchField, number>> = { buyerName: 30, buyerTaxpayerId: 22, buyerAddressPhone: 30, buyerBankAccount: 30, itemName: 24, taxCode: 22, remarks: 40 };

export async function batchWorkbook(db: Db, auth: AuthContext, customerId: string | null): Promise<{ data: Buffer; count: number }> {
  const XL = await loadExcelJS(); // before the transaction: the first load takes a while
  return inTenant(db, auth, async (tx) => {
    const requests = await q.approvedForBatch(tx, requestScope(auth), customerId);
    // The columns as the tenant's platform template names them (settings.batchHeaders), in the fields' order.
    const columns = batchColumns(await readSettings(tx));
    const wb = new XL.Workbook();
    const ws = wb.addWorksheet('批量开票');
    ws.columns = columns.map((c) => ({ header: c.header, width: WIDTH[c.field] ?? 14 }));
    ws.getRow(1).font = { bold: true };
    for (const r of requests) {
      const lines = await q.requestLines(tx, r.id);
      for (const l of lines) {
        // Amount and unit price as the request states them: without tax, plus tax, and the flag says which the price is.
        const value: Record<BatchField, string> = {
          requestNumber: r.number, invoiceType: r.invoice_type === 'special' ? '数电专票' : '数电普票', buyerName: r.buyer_name,
          buyerTaxpayerId: r.buyer_taxpayer_id ?? '', buyerAddressPhone: r.buyer_address_phone ?? '', buyerBankAccount: r.buyer_bank_account ?? '',
          itemName: l.name, taxCode: l.tax_code ?? '', specification: l.specification ?? '', unit: l.unit ?? '',
          quantity: l.quantity === null ? '' : dec(l.quantity).toString(), unitPrice: l.unit_price === null ? '' : dec(l.unit_price).toString(),
          amount: l.amount_excl_tax, taxRate: dec(l.tax_rate).toString(), taxAmount: l.tax_amount, priceIncludesTax: r.prices_include_tax ? '含税' : '不含税',
          remarks: [r.number, r.remarks].filter(Boolean).join(' '),
        };
        ws.addRow(columns.map((c) => value[c.field]));
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
  const XL = await loadExcelJS();
  const wb = new XL.Workbook();
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
