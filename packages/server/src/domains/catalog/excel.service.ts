// The catalog as a workbook (issue 11 §1): export every SKU with its product's fields, and import the same sheet
// back — new products and SKUs are made, existing SKUs (by code) get their name, price, cost and status updated,
// unchanged rows are left alone, bad rows are reported and skipped. The import reads the upload as it arrives
// (exceljs's streaming reader, one sheet) and stops at IMPORT_MAX_ROWS rows; the multipart cap (10 MB) bounds the file.
import { PassThrough, Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../../platform/lazy-modules.js';
import { decimalOrNull, normalizeTaxRate, type CatalogImportReport } from '@l2c/shared';
import type { z } from 'zod';
import { inTenant, type Db, type Tx } from '../../platform/db.js';
import type { AuthContext } from '../../platform/auth.js';
import { recordAudit } from '../../platform/audit.js';
import { DomainError } from '../../platform/errors.js';
import { assertCanManage, canManage, seesCost } from './access.js';
import { catalogError } from './catalog.errors.js';
import { codeOf, COLUMNS, fieldOfHeader, KIND_LABELS, STATUS_LABELS, type CatalogField, type Lang } from './excel.columns.js';
import { toSku, toSkuView } from './skus.service.js';
import { createSpuTx } from './spus.service.js';
import * as a from './admin.sql.js';
import * as s from './skus.sql.js';

export const EXPORT_MAX_ROWS = 20_000;
export const IMPORT_MAX_ROWS = 2_000;
const MAX_COLUMNS = 40;

export async function exportCatalog(db: Db, auth: AuthContext, lang: Lang): Promise<Readable> {
  const items = await inTenant(db, auth, async (tx) => {
    const rows = await s.listSkus(tx, { sellableOnly: !(await canManage(tx, auth)) }, null, EXPORT_MAX_ROWS);
    if (rows.length > EXPORT_MAX_ROWS) throw catalogError('import_too_large', `More than ${EXPORT_MAX_ROWS} SKUs: export by product line`);
    const showCost = await seesCost(tx, auth);
    return rows.map((r) => toSkuView(toSku(r), showCost));
  });
  const out = new PassThrough();
  (async () => {
    const XL = await loadExcelJS();
    const wb = new XL.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const sheet = wb.addWorksheet(lang === 'zh' ? '产品目录' : 'Catalog', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = COLUMNS.map((c) => ({ header: c[lang], key: c.key, width: c.width }));
    sheet.getRow(1).font = { bold: true };
    for (const [i, k] of items.entries()) {
      const values: Record<CatalogField, string> = {
        spuCode: k.spu.code, spuName: k.spu.name, kind: KIND_LABELS[k.kind]![lang], productLine: k.productLine?.code ?? '', unit: k.unit.code,
        taxRate: k.taxRate, taxCode: k.taxCode ?? '', skuCode: k.code, skuName: k.name,
        specs: Object.entries(k.attributeValues).map(([x, v]) => `${x}=${v}`).join('; '), listPrice: k.listPrice, cost: k.cost ?? '',
        status: STATUS_LABELS[k.status]![lang],
      };
      // Text cells throughout: a price stays "1299.00" and a 19-digit tax code is not rounded to a float.
      sheet.addRow(COLUMNS.map((c) => values[c.key])).commit();
      if (i % 500 === 499) await new Promise((r) => setImmediate(r));
    }
    sheet.commit();
    await wb.commit();
  })().catch((err: unknown) => out.destroy(err as Error));
  return out;
}

type Row = { row: number; values: Partial<Record<CatalogField, string>> };

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    return '';
  }
  return String(v).trim();
}

/** The first sheet's rows by header, read as the upload arrives; refused past IMPORT_MAX_ROWS. */
async function readRows(data: Buffer | Readable): Promise<Row[]> {
  const XL = await loadExcelJS();
  const input = Buffer.isBuffer(data) ? Readable.from([data]) : data;
  const reader = new XL.stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', entries: 'ignore' });
  const rows: Row[] = [];
  let header: Map<number, CatalogField> | null = null;
  let failure: unknown = null;
  let sheets = 0;
  try {
    for await (const ws of reader) {
      sheets++;
      for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
        if (sheets > 1) continue; // read to the end (exceljs buffers a sheet left early), keep the first sheet only
        if (row.number === 1) {
          header = new Map();
          row.eachCell((cell, col) => { const f = col <= MAX_COLUMNS ? fieldOfHeader(cellText(cell.value)) : null; if (f) header!.set(col, f); });
          continue;
        }
        if (!header) continue;
        const values: Partial<Record<CatalogField, string>> = {};
        row.eachCell((cell, col) => { const f = header!.get(col); if (f) { const t = cellText(cell.value); if (t) values[f] = t; } });
        if (Object.keys(values).length === 0) continue;
        if (rows.length === IMPORT_MAX_ROWS) throw catalogError('import_too_large', `At most ${IMPORT_MAX_ROWS} rows per file; split it`, { errors: [{ path: 'file', message: `more than ${IMPORT_MAX_ROWS} rows` }] });
        rows.push({ row: row.number, values });
      }
    }
  } catch (err) {
    failure = err;
  } finally {
    await release(input, Buffer.isBuffer(data));
  }
  if ((input as Readable & { truncated?: boolean }).truncated) throw catalogError('import_too_large', 'The file is larger than 10 MB', { errors: [{ path: 'file', message: 'larger than 10 MB' }] });
  if (failure instanceof DomainError) throw failure;
  if (failure) throw catalogError('bad_workbook', 'Not a readable .xlsx workbook', { errors: [{ path: 'file', message: 'not a readable .xlsx workbook' }] });
  if (!header || ![...header.values()].includes('skuCode')) throw catalogError('bad_workbook', 'The first sheet has no SKU code column', { errors: [{ path: 'file', message: 'no SKU code column (SKU编码) in row 1' }] });
  return rows;
}

/** What the reader left of an upload is read and dropped, so the request ends cleanly before the answer. */
async function release(input: Readable, owned: boolean): Promise<void> {
  if (owned) return void input.destroy();
  if (input.readableEnded || input.destroyed) return;
  input.unpipe();
  await new Promise<void>((resolve) => {
    input.once('end', resolve).once('close', resolve).once('error', () => resolve());
    input.resume();
  });
}

type Report = z.infer<typeof CatalogImportReport>;

export async function importCatalog(db: Db, auth: AuthContext, data: Buffer | Readable): Promise<Report> {
  await inTenant(db, auth, (tx) => assertCanManage(tx, auth)); // before reading 10 MB for someone who may not import
  const rows = await readRows(data);
  return inTenant(db, auth, async (tx) => {
    await assertCanManage(tx, auth);
    const report: Report = { rows: rows.length, spusCreated: 0, skusCreated: 0, skusUpdated: 0, unchanged: 0, errors: [] };
    const lines = new Map((await a.listProductLines(tx)).map((l) => [l.code, l.id]));
    const units = new Map((await a.listUnits(tx)).map((u) => [u.code, u.id]));
    for (const r of rows) {
      const errors = await importRow(tx, auth, r, lines, units, report);
      report.errors.push(...errors.map((e) => ({ row: r.row, ...e })));
    }
    return report;
  });
}

async function importRow(tx: Tx, auth: AuthContext, r: Row, lines: Map<string, string>, units: Map<string, string>, report: Report): Promise<Array<{ field: string; message: string }>> {
  const v = r.values;
  const errs: Array<{ field: string; message: string }> = [];
  const money = (f: CatalogField, scale: number, required: boolean) => {
    const t = v[f];
    if (!t) { if (required) errs.push({ field: f, message: 'required' }); return null; }
    const d = decimalOrNull(t);
    if (!d || d.lt(0) || d.decimalPlaces() > scale || d.gte('1e14')) { errs.push({ field: f, message: `expected a number ≥ 0 with at most ${scale} decimals` }); return null; }
    return d.toFixed(scale === 2 ? 2 : Math.max(d.decimalPlaces(), 0));
  };
  const skuCode = v.skuCode ?? '';
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(skuCode)) errs.push({ field: 'skuCode', message: 'letters, digits, ".", "_" or "-", at most 64' });
  const listPrice = money('listPrice', 2, true);
  const cost = money('cost', 4, false);
  const status = v.status ? codeOf(STATUS_LABELS, v.status) : 'active';
  if (!status) errs.push({ field: 'status', message: 'active/在售 or inactive/停售' });
  if (errs.length > 0) return errs;

  const existing = await s.skuByCode(tx, skuCode);
  if (existing) {
    const set = {
      ...(v.skuName && v.skuName !== existing.name ? { name: v.skuName } : {}),
      ...(listPrice !== existing.list_price ? { listPrice: listPrice! } : {}),
      ...(v.cost !== undefined && cost !== trimCost(existing.cost) ? { cost } : {}),
      ...(status !== existing.status ? { status: status as 'active' | 'inactive' } : {}),
    };
    if (Object.keys(set).length === 0) { report.unchanged++; return []; }
    await s.updateSku(tx, existing.id, set);
    const after = (await s.skuByCode(tx, skuCode))!;
    const audited = (x: typeof existing) => ({ name: x.name, listPrice: x.list_price, cost: x.cost, status: x.status });
    await recordAudit(tx, auth, { action: 'catalog.sku.update', entityType: 'sku', entityId: existing.id, before: audited(existing), after: audited(after) });
    report.skusUpdated++;
    return [];
  }

  const spuCode = v.spuCode ?? '';
  let spuId = await s.spuIdByCode(tx, spuCode);
  if (!spuId) {
    const kind = v.kind ? codeOf(KIND_LABELS, v.kind) : null;
    const unitId = v.unit ? units.get(v.unit.toLowerCase()) : undefined;
    const taxRate = v.taxRate ? normalizeTaxRate(v.taxRate) : null;
    const lineId = v.productLine ? lines.get(v.productLine.toUpperCase()) : null;
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,47}$/.test(spuCode)) errs.push({ field: 'spuCode', message: 'a new product needs a code' });
    if (!v.spuName) errs.push({ field: 'spuName', message: 'a new product needs a name' });
    if (!kind) errs.push({ field: 'kind', message: 'goods/实物, virtual/虚拟, service/服务 or project/项目' });
    if (!unitId) errs.push({ field: 'unit', message: 'a unit code of the catalog (件 → pcs …)' });
    if (taxRate === null) errs.push({ field: 'taxRate', message: '0, 0.06, 0.09 or 0.13' });
    if (lineId === undefined) errs.push({ field: 'productLine', message: 'no such product line code' });
    if (v.taxCode && !/^\d{19}$/.test(v.taxCode)) errs.push({ field: 'taxCode', message: '19 digits' });
    if (errs.length > 0) return errs;
    const spu = await createSpuTx(tx, auth, {
      code: spuCode, name: v.spuName!, kind: kind as 'goods', productLineId: lineId ?? null, baseUnitId: unitId!, taxRate: taxRate!, taxCode: v.taxCode ?? null,
      description: null, attributes: [], exclusions: [], units: [], sellable: { grades: null, channels: null, regions: null }, status: 'active',
    });
    spuId = spu.id;
    report.spusCreated++;
  }
  const { id } = await s.insertSku(tx, auth.tenantId, {
    spuId, code: skuCode, name: v.skuName ?? skuCode, attributeValues: {}, variantKey: `#${skuCode}`, currency: 'CNY', listPrice: listPrice!, cost, isBundle: false, status: status as 'active',
  });
  await recordAudit(tx, auth, { action: 'catalog.sku.create', entityType: 'sku', entityId: id, after: { code: skuCode, listPrice, cost, status } });
  report.skusCreated++;
  return [];
}

const trimCost = (c: string | null) => (c === null ? null : c.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, ''));
