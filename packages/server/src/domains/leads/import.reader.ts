// Reading a lead import file: .csv (UTF-8 with or without BOM, or GBK as Chinese Excel saves it) or .xlsx (streamed
// sheet by sheet through exceljs's WorkbookReader). The first row is the header; the first sheet with a recognised
// column is read. At most LEAD_IMPORT_MAX_ROWS filled rows: the reader stops at the first row past it.
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../../platform/lazy-modules.js';
import { parse } from 'csv-parse';
import { DomainError } from '../../platform/errors.js';
import { leadError } from './leads.errors.js';
import { leadColumnForHeader, type LeadImportField } from './import.columns.js';

export const LEAD_IMPORT_MAX_ROWS = 100_000;
/** The upload cap of a lead import (a 100k-row CSV is about 10–15 MB). */
export const LEAD_IMPORT_MAX_BYTES = 50 * 1024 * 1024;

export interface ImportRow { row: number; values: Partial<Record<LeadImportField, string>> }

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value).trim();
  if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
  if ('formula' in value || 'sharedFormula' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue);
  if ('error' in value) return '';
  return '';
}

function tooMany(filename: string) {
  return leadError('too_many_rows', `"${filename}" has more than ${LEAD_IMPORT_MAX_ROWS.toLocaleString('en')} rows; split it`, { errors: [{ path: 'file', message: 'too many rows' }] });
}
function bad(filename: string, why: string) {
  return leadError('bad_file', `"${filename}" ${why}`, { errors: [{ path: 'file', message: why }] });
}

function headerFields(header: string[]): Map<number, LeadImportField> {
  const fields = new Map<number, LeadImportField>();
  const taken = new Set<LeadImportField>();
  header.forEach((h, i) => {
    const key = leadColumnForHeader(h);
    if (key && !taken.has(key)) { fields.set(i, key); taken.add(key); }
  });
  return fields;
}

/** UTF-8 when the bytes are valid UTF-8, else GBK (what Excel on a Chinese Windows writes as "CSV"). */
export function decodeText(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gbk').decode(data);
  }
}

async function readCsv(filename: string, data: Buffer): Promise<ImportRow[]> {
  const rows: ImportRow[] = [];
  let fields: Map<number, LeadImportField> | null = null;
  const parser = Readable.from([decodeText(data)]).pipe(parse({ relax_column_count: true, skip_empty_lines: true, bom: true, trim: true }));
  let line = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      line++;
      if (!fields) {
        fields = headerFields(record);
        if (fields.size === 0) throw bad(filename, 'has no recognised column in its first row (公司名称 / 联系人 / 电话 / 邮箱 …)');
        continue;
      }
      const values: ImportRow['values'] = {};
      for (const [i, key] of fields) { const v = record[i]?.trim(); if (v) values[key] = v; }
      if (Object.keys(values).length === 0) continue;
      if (rows.length === LEAD_IMPORT_MAX_ROWS) throw tooMany(filename);
      rows.push({ row: line, values });
    }
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw bad(filename, `is not a readable CSV file (${(err as Error).message})`);
  }
  if (!fields) throw bad(filename, 'is empty');
  return rows;
}

async function readXlsx(filename: string, data: Buffer): Promise<ImportRow[]> {
  const XL = await loadExcelJS();
  const reader = new XL.stream.xlsx.WorkbookReader(Readable.from([data]), { worksheets: 'emit', sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', entries: 'ignore' });
  let result: ImportRow[] | null = null;
  try {
    for await (const ws of reader as unknown as AsyncIterable<ExcelJS.stream.xlsx.WorksheetReader>) {
      let fields: Map<number, LeadImportField> | null = null;
      const rows: ImportRow[] = [];
      for await (const row of ws as unknown as AsyncIterable<ExcelJS.Row>) {
        if (result) continue; // a sheet after the one we read: drained, not kept
        if (!fields) {
          const header: string[] = [];
          row.eachCell((cell, col) => { header[col - 1] = cellText(cell.value); });
          fields = headerFields(header);
          if (fields.size === 0) break;
          continue;
        }
        const values: ImportRow['values'] = {};
        for (const [i, key] of fields) { const v = cellText(row.getCell(i + 1).value); if (v) values[key] = v; }
        if (Object.keys(values).length === 0) continue;
        if (rows.length === LEAD_IMPORT_MAX_ROWS) throw tooMany(filename);
        rows.push({ row: row.number, values });
      }
      if (!result && fields && fields.size > 0) result = rows;
    }
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw bad(filename, 'is not a readable .xlsx workbook (save it as Excel Workbook .xlsx or as CSV)');
  }
  if (!result) throw bad(filename, 'has no sheet whose first row names a lead column (公司名称 / 联系人 / 电话 / 邮箱 …)');
  return result;
}

export async function readLeadRows(filename: string, data: Buffer): Promise<ImportRow[]> {
  const isZip = data.length > 4 && data[0] === 0x50 && data[1] === 0x4b; // "PK": an .xlsx is a zip
  if (isZip || /\.xlsx$/i.test(filename)) return readXlsx(filename, data);
  return readCsv(filename, data);
}
