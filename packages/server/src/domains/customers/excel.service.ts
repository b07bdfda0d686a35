// Customers to and from Excel. Export reuses the list query, so it has the list's filters and data scope. Import checks
// every row with the API's own schema and writes all good rows in one transaction: a crash leaves nothing half-written.
import { PassThrough, type Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../../platform/lazy-modules.js';
import type { z } from 'zod';
import { CustomerInput, creditCodeCheckChar, DEFAULT_TIME_ZONE, type Customer, type CustomerListQuery, type ImportReport } from '@l2c/shared';
import { inTenant, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { refreshStatistics } from '../../platform/statistics.js';
import { nextDocNumber } from '../../platform/sequences.js';
import { businessDate, todayFor } from '../../platform/clock.js';
import { defineErrors } from '../../platform/errors.js';
import { auditView, listCustomers, lockCustomerCreation, toWrite } from './customers.service.js';
import * as q from './customers.sql.js';
import { IMPORT_MAX_ROWS, readRows, type FieldError, type SheetRow, type Upload } from './excel.reader.js';
import {
  COLUMNS, ENUM_FIELDS, IMPORT_COLUMNS, enumCode, enumLabel, zhLabels,
  type Column, type EnumField, type ImportField, type Lang,
} from './excel.columns.js';

export const EXPORT_MAX_ROWS = 50_000;
export { IMPORT_MAX_ROWS } from './excel.reader.js';
const TIME_ZONE = DEFAULT_TIME_ZONE; // businessDate()'s default: the business time zone

export const excelError = defineErrors('customers', {
  export_too_large: [422, 'Too many customers match to export at once; narrow the filters and export again'],
});

// ---- export ----------------------------------------------------------------------------------------------------

export type ExportFilters = Omit<CustomerListQuery, 'limit' | 'cursor'>;

// One formatter for all rows: building an Intl.DateTimeFormat per cell costs more than writing the cell.
const WALL_CLOCK = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

/** An instant as the wall-clock time in the business time zone (Excel cells have no zone; people read local time). */
function wallClock(iso: string, dateOnly = false): Date {
  const p = Object.fromEntries(WALL_CLOCK.formatToParts(new Date(iso)).map((x) => [x.type, Number(x.value)]));
  return dateOnly
    ? new Date(Date.UTC(p.year!, p.month! - 1, p.day!))
    : new Date(Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!));
}

function exportValue(c: Customer, key: Column['key'], lang: Lang): ExcelJS.CellValue {
  switch (key) {
    case 'industry': return enumLabel('industry', c.industry, lang);
    case 'source': return enumLabel('source', c.source, lang);
    case 'owner': return c.owner?.name ?? (lang === 'zh' ? '（公海）' : '(pool)');
    case 'parent': return c.parent?.name ?? null;
    case 'lastFollowUpAt': return c.lastFollowUpAt ? wallClock(c.lastFollowUpAt, true) : null;
    case 'createdAt': return wallClock(c.createdAt);
    default: return c[key];
  }
}

const FROZEN_HEADER: Array<Partial<ExcelJS.WorksheetView>> = [{ state: 'frozen', ySplit: 1 }];

function setColumns(sheet: ExcelJS.Worksheet, columns: Column[], lang: Lang) {
  sheet.columns = columns.map((c) => ({ header: c[lang], key: c.key, width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
}

/**
 * The matching customers as a streamed workbook. The streaming writer keeps one row in memory instead of a cell
 * model of the whole sheet; yielding now and then keeps a 50,000-row export from stalling other requests.
 */
export async function exportCustomers(db: Db, auth: AuthContext, filters: ExportFilters, lang: Lang, maxRows = EXPORT_MAX_ROWS): Promise<Readable> {
  const page = await listCustomers(db, auth, { ...filters, limit: maxRows, cursor: undefined });
  if (page.nextCursor) throw excelError('export_too_large', `More than ${maxRows.toLocaleString('en')} customers match; narrow the filters and export again`);
  const out = new PassThrough();
  writeExport(out, page.items, lang).catch((err: unknown) => out.destroy(err as Error));
  return out;
}

async function writeExport(out: PassThrough, items: Customer[], lang: Lang) {
  const XL = await loadExcelJS();
  const wb = new XL.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = wb.addWorksheet(lang === 'zh' ? '客户' : 'Customers', { views: FROZEN_HEADER });
  setColumns(sheet, COLUMNS, lang);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  for (const [i, c] of items.entries()) {
    sheet.addRow(COLUMNS.map((col) => exportValue(c, col.key, lang))).commit();
    if (i % 500 === 499) await new Promise((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  await wb.commit();
}

// ---- template --------------------------------------------------------------------------------------------------

function exampleCreditCode(): string {
  const body = '91330106MA2H00001';
  return body + creditCodeCheckChar(body);
}

const EXAMPLE: Record<ImportField, string> = {
  name: '杭州云帆科技有限公司', creditCode: exampleCreditCode(), industry: '信息技术', region: '浙江省杭州市', grade: 'B',
  source: '展会', phone: '0571-88886666', address: '杭州市西湖区文三路 100 号', website: 'www.example.com', remark: '示例行，导入前请删除',
};

// exceljs types omit the sheet-level list, which (unlike per-cell rules) does not create thousands of empty cells.
type ValidationList = { add(range: string, rule: ExcelJS.DataValidation): void };

export async function importTemplate(): Promise<Buffer> {
  const XL = await loadExcelJS();
  const wb = new XL.Workbook();
  const sheet = wb.addWorksheet('客户', { views: FROZEN_HEADER });
  setColumns(sheet, IMPORT_COLUMNS, 'zh');
  const example = sheet.addRow(IMPORT_COLUMNS.map((c) => EXAMPLE[c.key]));
  example.font = { italic: true, color: { argb: 'FF808080' } };
  const validations = (sheet as unknown as { dataValidations: ValidationList }).dataValidations;
  IMPORT_COLUMNS.forEach((c, i) => {
    if (!(ENUM_FIELDS as string[]).includes(c.key)) return;
    const values = c.key === 'grade' ? ['A', 'B', 'C', 'D'] : zhLabels(c.key as EnumField);
    const letter = sheet.getColumn(i + 1).letter;
    validations.add(`${letter}2:${letter}${IMPORT_MAX_ROWS + 1}`, {
      type: 'list', allowBlank: true, formulae: [`"${values.join(',')}"`],
      showErrorMessage: true, errorStyle: 'warning', error: `请选择：${values.join('、')}`,
    });
  });

  const help = wb.addWorksheet('说明', { views: FROZEN_HEADER });
  help.columns = [{ header: '列名', width: 20 }, { header: '英文列名', width: 26 }, { header: '说明', width: 60 }, { header: '可选值', width: 60 }];
  help.getRow(1).font = { bold: true };
  for (const c of IMPORT_COLUMNS) {
    const allowed = (ENUM_FIELDS as string[]).includes(c.key)
      ? (c.key === 'grade' ? 'A、B、C、D' : zhLabels(c.key as EnumField).join('、')) + '（也可填英文代码）'
      : '';
    help.addRow([c.zh, c.en, c.note, allowed]);
  }
  help.addRow([]);
  for (const line of [
    '第 1 行为表头，从第 2 行起每行一个客户；列的顺序不限，表头可用中文或英文列名，无法识别的列会被忽略。',
    `单个文件最多 ${IMPORT_MAX_ROWS} 行，空行会被跳过。`,
    '有问题的行（信息不合规、与文件内其他行重复、与已有客户重复）不会导入，其余行照常导入；导入结果会列出每个问题行的行号和原因。',
    '导入的客户负责人为导入人。第 2 行是示例，导入前请删除。',
  ]) help.addRow([line]);
  help.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
  help.getColumn(4).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---- import: checking and writing ------------------------------------------------------------------------------

type Input = z.infer<typeof CustomerInput>;

/** Labels → codes, then the API's own schema, so a row is valid exactly when the same data would be via the API. */
function toInput(r: SheetRow): { input: Input | null; errors: FieldError[] } {
  const errors = [...r.errors];
  const raw: Record<string, unknown> = { name: '' };
  for (const [field, text] of Object.entries(r.values) as Array<[ImportField, string]>) {
    if (!(ENUM_FIELDS as string[]).includes(field)) { raw[field] = text; continue; }
    const code = enumCode(field as EnumField, text);
    if (code) raw[field] = code;
    else errors.push({ field, message: `unknown value "${text}"; use one of ${zhLabels(field as EnumField).join(', ')} (or the English code)` });
  }
  raw.source ??= 'import';
  const parsed = CustomerInput.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors.push({ field: issue.path.join('.') || 'row', message: issue.message });
  }
  return errors.length > 0 || !parsed.success ? { input: null, errors } : { input: parsed.data, errors };
}


/**
 * The customer just inserted, built from what was written instead of read back: re-reading every row was 40% of an
 * import's time. Only the fields auditView keeps matter; the timestamps it drops are left empty.
 */
function asCreated(id: string, number: string, w: q.CustomerWrite, auth: AuthContext): Customer {
  return {
    id, number, name: w.name, creditCode: w.creditCode, industry: w.industry, region: w.region, grade: w.grade, source: w.source,
    phone: w.phone, address: w.address, website: w.website, remark: w.remark, owner: { id: auth.userId, name: auth.name },
    parent: null, inPool: false, poolEnteredAt: null, lastFollowUpAt: null, version: 1, createdAt: '', updatedAt: '',
  };
}

export interface ImportOptions { allowDuplicates: boolean; now?: Date }

export async function importCustomers(db: Db, auth: AuthContext, file: Upload, opts: ImportOptions): Promise<z.infer<typeof ImportReport>> {
  const sheetRows = await readRows(file);
  const checked = sheetRows.map((r) => ({ row: r.row, ...toInput(r) }));
  const failures = new Map<number, FieldError[]>();
  for (const c of checked) if (c.errors.length > 0) failures.set(c.row, c.errors);
  const valid = checked.filter((c): c is typeof c & { input: Input } => c.input !== null).map((c) => ({ row: c.row, write: toWrite(c.input) }));

  const created = await inTenant(db, auth, async (tx) => {
    await lockCustomerCreation(tx, auth);
    const existing = await q.findExisting(tx, valid.flatMap((v) => (v.write.creditCode ? [v.write.creditCode] : [])), valid.map((v) => v.write.nameKey));
    const codeOwner = new Map<string, string>(); // credit code → where it is already used: a customer number or "row N"
    const nameOwner = new Map<string, string>();
    for (const e of existing) {
      if (e.credit_code) codeOwner.set(e.credit_code, `customer ${e.number}`);
      if (!opts.allowDuplicates) nameOwner.set(e.name_key, `customer ${e.number}`);
    }
    const fileNames = new Map<string, number>(); // within the file a repeated company is always an error
    const year = Number(todayFor(auth, opts.now).slice(0, 4));
    let count = 0;
    for (const { row, write } of valid) {
      const errors: FieldError[] = [];
      const codeUsed = write.creditCode ? codeOwner.get(write.creditCode) : undefined;
      if (codeUsed) errors.push({ field: 'creditCode', message: `already used by ${codeUsed}` });
      const nameUsed = fileNames.has(write.nameKey) ? `row ${fileNames.get(write.nameKey)}` : nameOwner.get(write.nameKey);
      if (nameUsed) errors.push({ field: 'name', message: `the same company as ${nameUsed}` });
      if (errors.length > 0) { failures.set(row, errors); continue; }
      if (write.creditCode) codeOwner.set(write.creditCode, `row ${row}`);
      fileNames.set(write.nameKey, row);

      const number = await nextDocNumber(tx, auth, 'KH', year);
      const id = await q.insertCustomer(tx, auth.tenantId, number, auth.userId, auth.userId, write);
      await recordAudit(tx, auth, { action: 'import', entityType: 'customer', entityId: id, before: null, after: auditView(asCreated(id, number, write, auth)) });
      count++;
    }
    return count;
  });
  // a big import changes the customers table's shape; on PGlite nobody else refreshes the planner's view of it
  if (created >= 500) await refreshStatistics(db, ['customers']);

  const errors = [...failures].sort(([a], [b]) => a - b).map(([row, errs]) => ({ row, errors: errs }));
  return { totalRows: sheetRows.length, created, failed: errors.length, errors };
}
