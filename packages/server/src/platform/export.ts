// A tenant's data export (issue 15.3): every table with a tenant_id column — found in the catalog, so a table added by
// a later migration is exported without a change here — as one CSV file per table in a zip, then manifest.json (table,
// columns, rows, SHA-256 per file, the personal-data columns) and SHA256SUMS (for `sha256sum -c`).
//
// Streaming with bounded memory: keyset pages of PAGE_ROWS rows, each page read in its own short transaction as the
// tenant (row-level security), written into the table's zip entry with backpressure — the zip is compressed and sent
// as the client reads it, so the server holds about one page per export whatever the tenant's size. The price: the
// pages are not one snapshot. A row changed while the export runs may be seen before or after the change; for a
// point-in-time copy of the whole database take a backup (docs/OPERATIONS.md). Each file's row count is what was
// written, and the manifest says so.
//
// Never exported: secrets (password and token hashes, listed in SECRET_COLUMNS). The platform reads every area's
// tables here by the catalog, on purpose: like a backup, the export is about all tables, not one area's rules, and it
// only reads (the ownership scan sees no table name in export.sql.ts: they come from the catalog).
import crypto from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import { createRequire } from 'node:module';
import { inTenant, type Actor, type Db } from './db.js';
import * as q from './export.sql.js';

const PAGE_ROWS = 5000;

/** Columns never exported, by table; and any column named like a secret, whatever its table. */
export const SECRET_COLUMNS: Record<string, string[]> = {
  users: ['password_hash'],
  auth_tokens: ['token_hash', 'csrf_hash'],
};
const SECRET_NAME = /(^|_)(password|secret)(_|$)|_hash$/;

/**
 * Personal data 个人信息 (PIPL): the columns that name, reach or locate a person. One list, shown in every manifest,
 * so whoever receives an export knows which fields fall under personal-information rules.
 */
export const PERSONAL_DATA: Record<string, string[]> = {
  users: ['email', 'name'],
  contacts: ['name', 'title', 'mobile', 'phone', 'email', 'remark'],
  customers: ['name', 'phone', 'address', 'website', 'remark'],
  followups: ['content'],
  payments: ['payer_name', 'payer_account'],
  // an ordinary invoice 普票 may be made out to a person: the buyer's name, id number, address, phone and bank account
  invoice_requests: ['buyer_name', 'buyer_taxpayer_id', 'buyer_address_phone', 'buyer_bank_account'],
  invoices: ['buyer_name', 'buyer_taxpayer_id'],
  audit_log: ['changes'],
};

export interface ExportedFile { file: string; table: string; columns: string[]; rows: number; bytes: number; sha256: string; omittedColumns: string[]; personalData: string[] }
export interface ExportManifest {
  format: 'l2c-tenant-export';
  version: 1;
  tenant: { id: string; slug: string; name: string };
  exportedAt: string;
  csv: { encoding: 'utf-8'; header: true; null: string; note: string };
  files: ExportedFile[];
  totalRows: number;
  personalData: Record<string, string[]>;
  secretsOmitted: Record<string, string[]>;
}

export interface ExportProgress { table: string; tableRows: number; tableTotal: number; rowsDone: number; rowsTotal: number }

interface ZipArchive {
  append(source: Readable | Buffer | string, data: { name: string; date?: Date }): ZipArchive;
  finalize(): Promise<void>;
  on(event: 'error' | 'warning', fn: (err: Error) => void): ZipArchive;
  pipe<T extends NodeJS.WritableStream>(dest: T): T;
  pointer(): number;
}
type Archiver = (format: 'zip', opts: { zlib: { level: number } }) => ZipArchive & Readable;
let archiverFn: Archiver | undefined;
// archiver is CommonJS without bundled types (ZipArchive is the part of it the export uses). Required on first use,
// not at start: it costs ~110 ms to load and only exports need it (issue 13.6: start time).
function archiver(format: 'zip', opts: { zlib: { level: number } }): ZipArchive & Readable {
  archiverFn ??= createRequire(import.meta.url)('archiver') as Archiver;
  return archiverFn(format, opts);
}

function csvField(v: string | null): string {
  if (v === null) return '';
  if (v === '' || /[",\r\n]/.test(v) || v !== v.trim()) return `"${v.replace(/"/g, '""')}"`;
  return v;
}
const csvLine = (values: Array<string | null>) => `${values.map(csvField).join(',')}\r\n`;

/** What the export of this tenant will hold: the tables, their exported columns and row counts. */
export async function planExport(db: Db, actor: Actor) {
  const tables = await q.tenantTables(db.kysely);
  return inTenant(db, actor, async (tx) => {
    const plan = [];
    for (const t of tables) {
      if (t.key.length === 0) throw new Error(`table ${t.table} has no primary key: the export pages by it`);
      const secret = new Set([...(SECRET_COLUMNS[t.table] ?? []), ...t.columns.filter((c) => SECRET_NAME.test(c))]);
      plan.push({ ...t, columns: t.columns.filter((c) => !secret.has(c)), omitted: t.columns.filter((c) => secret.has(c)), rows: await q.countRows(tx, t.table, actor.tenantId) });
    }
    return plan;
  });
}

/**
 * Start the export of the actor's tenant: a zip stream to pipe to the client or a file, and a promise of the manifest
 * once the last file is written. `onProgress` is called after every page.
 */
export async function exportTenant(db: Db, actor: Actor, onProgress?: (p: ExportProgress) => void, pageRows = PAGE_ROWS,
  beforeRead?: (rowsTotal: number) => Promise<void>): Promise<{ zip: Readable; done: Promise<ExportManifest>; rowsTotal: number }> {
  const tenant = await q.tenantRow(db.kysely, actor.tenantId);
  if (!tenant) throw new Error(`no tenant ${actor.tenantId}`);
  const plan = await planExport(db, actor);
  const rowsTotal = plan.reduce((s, t) => s + t.rows, 0);
  // the caller's work that must precede every page (the download's audit entry): the pages are read from here on, so
  // an entry written after this call raced them and the export held it or not (CI caught it)
  await beforeRead?.(rowsTotal);
  const zip = archiver('zip', { zlib: { level: 6 } });
  const done = (async () => {
    const files: ExportedFile[] = [];
    let rowsDone = 0;
    for (const t of plan) {
      const entry = new PassThrough();
      const hash = crypto.createHash('sha256');
      let bytes = 0;
      const write = async (text: string) => {
        const buf = Buffer.from(text, 'utf8');
        hash.update(buf);
        bytes += buf.length;
        if (!entry.write(buf)) await new Promise<void>((resolve) => entry.once('drain', resolve));
      };
      const file = `${t.table}.csv`;
      zip.append(entry, { name: file });
      await write(csvLine(t.columns));
      let rows = 0;
      let after: string[] | null = null;
      for (;;) {
        const page = await inTenant(db, actor, (tx) => q.pageOfRows(tx, t, actor.tenantId, after, pageRows));
        if (page.length === 0) break;
        let chunk = '';
        for (const r of page) chunk += csvLine(r.v);
        await write(chunk);
        rows += page.length;
        rowsDone += page.length;
        after = page[page.length - 1]!.k;
        onProgress?.({ table: t.table, tableRows: rows, tableTotal: t.rows, rowsDone, rowsTotal });
        if (page.length < pageRows) break;
      }
      entry.end();
      files.push({
        file, table: t.table, columns: t.columns, rows, bytes, sha256: hash.digest('hex'), omittedColumns: t.omitted,
        personalData: (PERSONAL_DATA[t.table] ?? []).filter((c) => t.columns.includes(c)),
      });
    }
    const manifest: ExportManifest = {
      format: 'l2c-tenant-export', version: 1, tenant, exportedAt: new Date().toISOString(),
      csv: {
        encoding: 'utf-8', header: true, null: 'an empty field; an empty string is written as ""',
        note: 'values are PostgreSQL text: amounts exact decimals, dates YYYY-MM-DD, instants ISO 8601 with offset, JSON as JSON. Pages, not one snapshot: rows changed during the export may show either version.',
      },
      files, totalRows: files.reduce((s, f) => s + f.rows, 0),
      personalData: Object.fromEntries(files.filter((f) => f.personalData.length > 0).map((f) => [f.table, f.personalData])),
      secretsOmitted: Object.fromEntries(files.filter((f) => f.omittedColumns.length > 0).map((f) => [f.table, f.omittedColumns])),
    };
    const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
    zip.append(manifestText, { name: 'manifest.json' });
    const sums = [...files.map((f) => `${f.sha256}  ${f.file}`), `${crypto.createHash('sha256').update(manifestText).digest('hex')}  manifest.json`].join('\n');
    zip.append(`${sums}\n`, { name: 'SHA256SUMS' });
    await zip.finalize();
    return manifest;
  })();
  // an error in the middle ends the zip stream with it (a truncated download is an incomplete zip, never a valid one)
  done.catch((err: Error) => zip.destroy(err));
  return { zip, done, rowsTotal };
}
