// Reading an uploaded import workbook with bounded memory and work. The whole-workbook reader built a cell model of
// every sheet before the row limit could be checked (a 9 MB file of 1.15M rows took 2.1 GB and held the event loop for
// seconds); this one streams the sheet parts through exceljs's WorkbookReader and stops at the first row over the limit.
//
// Shared strings. Most cells hold an index into xl/sharedStrings.xml, and Excel (like exceljs's streaming writer)
// stores that part AFTER the sheets. Left alone, WorkbookReader then copies every sheet to a temp file and parses it
// only once the whole zip is read, and caches every shared string ('cache'), so neither memory nor work would stop at
// the limit. So we hand it a stand-in table that turns each index into a marker (`\0` + index: XML text can never hold
// NUL, so no real cell is mistaken for one), read the strings ourselves ('emit') and resolve the markers at the end.
// Memory is then bounded by what we keep: at most IMPORT_MAX_ROWS rows of at most MAX_COLUMNS header columns per
// sheet, at most CELL_BUDGET cells in all, and at most CELL_BUDGET strings / CHAR_BUDGET characters of shared text.
// Strings that come before the sheets (exceljs's whole-workbook writer) are kept within that budget; strings after the
// sheets are kept only when a kept cell refers to them.
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../../platform/lazy-modules.js';
import { dateIn } from '@l2c/shared';
import { DomainError, defineErrors } from '../../platform/errors.js';
import { customerError } from './customers.errors.js';
import { IMPORT_COLUMNS, columnForHeader, type ImportField } from './excel.columns.js';

export const IMPORT_MAX_ROWS = 5_000;
/** Header columns read per sheet: import files have 10, exports 15; columns further right are ignored. */
export const MAX_COLUMNS = 100;
/** Cells kept for the whole file, and shared strings cached ahead of the sheets. */
export const CELL_BUDGET = (IMPORT_MAX_ROWS + 1) * 40;
/** Characters of shared text kept (Excel allows 32,767 per cell; 16M characters are at most 32 MB of strings). */
export const CHAR_BUDGET = 16 * 1024 * 1024;
const EXCEL_MAX_ROW = 1_048_576;
const MARK = '\u0000';

/** The upload cap of the multipart plugin (platform/http.ts), named in the 413. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

export const readerError = defineErrors('customers', {
  file_too_large: [413, `A file may be at most ${IMPORT_MAX_BYTES / 1024 / 1024} MB`],
  too_many_rows: [400, `A file may hold at most ${IMPORT_MAX_ROWS.toLocaleString('en')} customers; split it into smaller files`],
  too_many_cells: [400, 'The file holds more cells or text than an import of customers can; remove other sheets and columns, or split it'],
});

export interface FieldError { field: string; message: string }
export interface SheetRow { row: number; values: Partial<Record<ImportField, string>>; errors: FieldError[] }
/**
 * An uploaded workbook: the multipart file stream as it arrives (read once; what the reader leaves is read and
 * dropped, so the request ends cleanly before the answer), or bytes in memory.
 */
export interface Upload { filename: string; data: Buffer | Readable }

/** The reader's refusals name the request field "file", as every 400 names its field. */
function fileError(code: Parameters<typeof readerError>[0], detail: string) {
  return readerError(code, detail, { errors: [{ path: 'file', message: detail }] });
}

function badFile(filename: string, why: string) {
  return customerError('bad_file', `"${filename}" ${why}`, { errors: [{ path: 'file', message: why }] });
}

/** What a cell shows, as text: rich text joined, formulas by their result, hyperlinks by their text. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateIn(value, 'UTC'); // a date cell is the wall-clock day, stored as UTC
  if (typeof value !== 'object') return String(value).trim();
  if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue);
  return '';
}

function isExcelError(value: ExcelJS.CellValue): boolean {
  if (value === null || typeof value !== 'object' || value instanceof Date) return false;
  if ('error' in value) return true;
  return ('formula' in value || 'sharedFormula' in value) && isExcelError((value.result ?? null) as ExcelJS.CellValue);
}

/** The shared-string index a marker stands for, or null for any other value. */
function markerIndex(value: ExcelJS.CellValue): number | null {
  return typeof value === 'string' && value.startsWith(MARK) ? Number(value.slice(1)) : null;
}

/** The stand-in shared-string table: any index reads as its marker (see the top of this file). */
const MARKERS = new Proxy([], {
  get: (target, key) => (typeof key === 'string' && /^\d+$/.test(key) ? MARK + key : Reflect.get(target, key)),
});

interface Sheet { order: number; name: string; header: Map<number, ExcelJS.CellValue>; rows: Array<{ row: number; cells: Map<number, ExcelJS.CellValue> }> }

/**
 * Done with the input: bytes of our own are dropped; an upload stream is unhooked from the unzipper and read to its
 * end without keeping anything (at most the 10 MB cap), so the client has sent its request before it gets the answer.
 */
async function release(input: Readable, owned: boolean): Promise<void> {
  if (owned) return void input.destroy();
  if (input.readableEnded || input.destroyed) return;
  input.unpipe();
  await new Promise<void>((resolve) => {
    input.once('end', resolve).once('close', resolve).once('error', () => resolve());
    input.resume();
  });
}

function* chunks(data: Buffer, size: number): Generator<Buffer> {
  for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
}

type ParseEvent = { eventType: string; value: unknown } | { index: number; text: ExcelJS.CellValue };

/**
 * Every sheet's header row and first rows, as stored (shared strings still markers), and the shared strings that
 * matter. Throws too_many_rows at the first sheet row past IMPORT_MAX_ROWS, without reading further.
 */
async function scan(file: Upload): Promise<{ sheets: Sheet[]; strings: Map<number, string>; dropped: boolean }> {
  const XL = await loadExcelJS();
  const owned = Buffer.isBuffer(file.data);
  // Bytes go in as 64 KB pieces: one 10 MB write would be unzipped in one go.
  const input = Buffer.isBuffer(file.data) ? Readable.from(chunks(file.data, 64 * 1024)) : file.data;
  const reader = new XL.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit', sharedStrings: 'emit', styles: 'ignore', hyperlinks: 'ignore', entries: 'ignore',
  });
  // Stream every sheet as its part arrives instead of parking it in a temp file (WorkbookReader does that until it
  // has seen the shared strings and the workbook's relationships); names are filled in when they come first.
  Object.assign(reader, { sharedStrings: MARKERS, workbookRels: [], model: { sheets: [] } });

  const sheets: Sheet[] = [];
  const strings = new Map<number, string>();
  const referenced = new Set<number>();
  let cells = 0;
  let chars = 0;
  let dropped = false; // a string was left out that a later sheet might have needed
  const tooMuch = () => fileError('too_many_cells', `"${file.filename}" holds more cells or text than a customer import can (at most ${CELL_BUDGET.toLocaleString('en')} cells and ${CHAR_BUDGET.toLocaleString('en')} characters); remove other sheets and columns, or split it`);

  let failure: unknown = null;
  try {
    for await (const event of reader.parse() as unknown as AsyncIterable<ParseEvent>) {
      if (!('eventType' in event)) { // a shared string: exceljs 4.4 yields them bare, as {index, text}
        const { index, text } = event;
        const plain = cellText(text);
        if (referenced.has(index) || (strings.size < CELL_BUDGET && chars + plain.length <= CHAR_BUDGET)) {
          chars += plain.length;
          if (chars > CHAR_BUDGET) throw tooMuch();
          strings.set(index, plain);
        } else {
          dropped = true;
        }
        continue;
      }
      if (event.eventType !== 'worksheet') continue;
      const ws = event.value as ExcelJS.stream.xlsx.WorksheetReader & { id: string | number; name?: string };
      const sheet: Sheet = { order: Number(ws.id), name: ws.name ?? `sheet ${ws.id}`, header: new Map(), rows: [] };
      sheets.push(sheet);
      // Every row is read to the end of the part (or the limit): leaving a sheet early would make exceljs buffer
      // the rest of the part in memory while it skips it.
      for await (const row of ws) {
        if (row.number > EXCEL_MAX_ROW) throw badFile(file.filename, `has rows past Excel's last row ${EXCEL_MAX_ROW.toLocaleString('en')}`);
        if (row.number === 1) {
          row.eachCell((cell, col) => { if (col <= MAX_COLUMNS && cell.value !== null) sheet.header.set(col, cell.value); });
          for (const v of sheet.header.values()) { const i = markerIndex(v); if (i !== null) referenced.add(i); }
          continue;
        }
        if (sheet.header.size === 0) continue; // no header row: not a customer sheet, nothing to keep
        const kept = new Map<number, ExcelJS.CellValue>();
        row.eachCell((cell, col) => {
          if (!sheet.header.has(col) || cell.value === null || cell.value === undefined || cell.value === '') return;
          kept.set(col, cell.value);
          const i = markerIndex(cell.value);
          if (i !== null) referenced.add(i);
        });
        if (kept.size === 0) continue;
        if (sheet.rows.length === IMPORT_MAX_ROWS) {
          throw fileError('too_many_rows', `"${file.filename}" has more than ${IMPORT_MAX_ROWS.toLocaleString('en')} rows (sheet "${sheet.name}"); at most ${IMPORT_MAX_ROWS.toLocaleString('en')} are allowed per file`);
        }
        cells += kept.size;
        if (cells > CELL_BUDGET) throw tooMuch();
        sheet.rows.push({ row: row.number, cells: kept });
      }
    }
  } catch (err) {
    failure = err;
  } finally {
    await release(input, owned);
  }
  // A file cut at the upload cap is not a broken workbook: say what is wrong with it.
  if ((input as Readable & { truncated?: boolean }).truncated) {
    throw fileError('file_too_large', `"${file.filename}" is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB; split it into smaller files`);
  }
  if (failure) {
    if (failure instanceof DomainError) throw failure;
    throw badFile(file.filename, 'is not a readable .xlsx workbook (save it as Excel Workbook .xlsx)');
  }
  return { sheets: sheets.sort((a, b) => a.order - b.order), strings, dropped };
}

/**
 * The customer rows of an uploaded workbook: from the first sheet whose row 1 has a customer-name column, each
 * non-empty row's import fields as text, with the cells that show an Excel error. Every sheet counts toward the row
 * limit, as the template's 说明 says: at most IMPORT_MAX_ROWS rows with something in them per sheet.
 */
export async function readRows(file: Upload): Promise<SheetRow[]> {
  const { sheets, strings, dropped } = await scan(file);
  if (sheets.length === 0) throw badFile(file.filename, 'is not a readable .xlsx workbook (save it as Excel Workbook .xlsx)');
  const resolve = (value: ExcelJS.CellValue): ExcelJS.CellValue => {
    const i = markerIndex(value);
    if (i === null) return value;
    const text = strings.get(i);
    if (text === undefined && dropped) {
      throw fileError('too_many_cells', `"${file.filename}" holds more shared text than a customer import can (at most ${CELL_BUDGET.toLocaleString('en')} strings); remove other sheets, or split it`);
    }
    return text ?? null;
  };

  for (const sheet of sheets) {
    const fields = new Map<number, ImportField>();
    const taken = new Set<string>();
    for (const [col, value] of [...sheet.header].sort(([a], [b]) => a - b)) {
      const key = columnForHeader(cellText(resolve(value)));
      // Export-only columns (number, owner …) are recognised but not read; a repeated header counts once.
      if (key && !taken.has(key) && IMPORT_COLUMNS.some((c) => c.key === key)) fields.set(col, key as ImportField);
      if (key) taken.add(key);
    }
    if (![...fields.values()].includes('name')) continue;

    const rows: SheetRow[] = [];
    for (const r of sheet.rows) {
      const values: SheetRow['values'] = {};
      const errors: FieldError[] = [];
      for (const [col, field] of fields) {
        const value = resolve(r.cells.get(col) ?? null);
        const text = cellText(value);
        if (text) values[field] = text;
        if (isExcelError(value)) errors.push({ field, message: `the cell shows an Excel error (${text})` });
      }
      if (Object.keys(values).length > 0) rows.push({ row: r.row, values, errors });
    }
    return rows;
  }
  throw badFile(file.filename, 'has no header row with a customer name column (客户名称 / Customer name) in row 1');
}
