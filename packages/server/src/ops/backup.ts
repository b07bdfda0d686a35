// Backup and restore of the whole database, the same on both kinds (embedded PGlite, PostgreSQL) and portable
// between them: a gzip'd plain-SQL file of data only — one INSERT per batch of rows, table by table in foreign-key
// order, then the sequences — plus a header naming the migrations the data was written under. The schema is not in
// the file: restore builds it by running exactly those migrations (the code knows how), loads the rows, then runs
// any newer migrations, so a backup of an older release restores into a newer one as an upgrade.
//
// Why not pg_dump's own output: PGlite is PostgreSQL 17 and the server 15, and a dump carries version-specific
// statements (SET transaction_timeout …) and object definitions; data rows with the schema rebuilt by our migrations
// move both ways. Why not PGlite's dumpDataDir: a tarball of the data folder restores into PGlite only.
//
// Consistency: the rows are read in one REPEATABLE READ READ ONLY transaction (one snapshot). On PGlite that
// transaction holds the only connection, so requests wait for the few seconds a backup takes.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import type pg from 'pg';
import type { Db } from '../platform/db.js';
import { migrate, readMigrations, type MigrationFile } from '../platform/migrate.js';
import * as q from './backup.sql.js';

export const FORMAT = 'L2C backup 1';
const BATCH = 500;

export interface BackupResult { file: string; bytes: number; sha256: string; tables: number; rows: number; ms: number }
export interface BackupHeader { format: string; created: string; source: string; migrations: string[]; tables: number }

/** A file name for a backup taken now: l2c-2026-12-06T03-40-12Z.sql.gz. */
export function backupFileName(now = new Date()): string {
  return `l2c-${now.toISOString().replace(/\.\d+Z$/, 'Z').replaceAll(':', '-')}.sql.gz`;
}

/** A SQL literal that stays on one line: E'…' with backslash escapes for backslash, quote and line breaks. */
function literal(v: string | null): string {
  if (v === null) return 'NULL';
  const esc = v.replace(/[\\'\n\r]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\${c}`));
  return esc === v ? `'${v}'` : `E'${esc}'`;
}
const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;

/** Write a backup of `db` to `file` (and `file`.sha256). The file appears complete or not at all. */
export async function writeBackup(db: Db, file: string): Promise<BackupResult> {
  const started = Date.now();
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const partial = `${file}.partial`;
  const client = await db.pool.connect();
  let tables = 0;
  let rows = 0;
  try {
    await q.beginSnapshot(client);
    try {
      const migrations = await q.appliedMigrationIds(client);
      const order = await q.tablesInForeignKeyOrder(client);
      const version = await q.serverVersion(client);
      async function* lines(): AsyncGenerator<string> {
        yield `-- ${FORMAT}\n`;
        yield `-- created: ${new Date().toISOString()}\n`;
        yield `-- source: ${db.kind} ${version}\n`;
        yield `-- migrations: ${migrations.join(',')}\n`;
        yield `-- tables: ${order.length}\n`;
        for (const table of order) {
          const cols = await q.insertableColumns(client, table);
          const list = cols.map(ident).join(', ');
          const head = `INSERT INTO ${ident(table)} (${list}) OVERRIDING SYSTEM VALUE VALUES `;
          let n = 0;
          for await (const batch of q.readRows(client, table, cols, BATCH)) {
            n += batch.length;
            yield `${head}${batch.map((r) => `(${r.map(literal).join(', ')})`).join(', ')};\n`;
          }
          yield `-- table: ${table} rows: ${n}\n`;
          tables++;
          rows += n;
        }
        for (const s of await q.sequenceValues(client)) {
          yield `SELECT setval(${literal(s.name)}, ${s.value}, true);\n`;
        }
        yield '-- end\n';
      }
      const hash = crypto.createHash('sha256');
      const out = fs.createWriteStream(partial);
      const gzip = zlib.createGzip({ level: 6 });
      gzip.on('data', (chunk: Buffer) => hash.update(chunk));
      await pipeline(Readable.from(lines()), gzip, out);
      const sha256 = hash.digest('hex');
      fs.renameSync(partial, file);
      fs.writeFileSync(`${file}.sha256`, `${sha256}  ${path.basename(file)}\n`);
      return { file, bytes: fs.statSync(file).size, sha256, tables, rows, ms: Date.now() - started };
    } finally {
      await q.endSnapshot(client).catch(() => {});
    }
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  } finally {
    client.release();
  }
}

export class BackupError extends Error {}

/** The checksum file must exist and match: a truncated or altered backup is refused before anything is touched. */
export async function verifyChecksum(file: string): Promise<string> {
  const sumFile = `${file}.sha256`;
  if (!fs.existsSync(sumFile)) throw new BackupError(`${sumFile} is missing: cannot verify the backup`);
  const expected = fs.readFileSync(sumFile, 'utf8').trim().split(/\s+/)[0]!.toLowerCase();
  const hash = crypto.createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  const actual = hash.digest('hex');
  if (actual !== expected) throw new BackupError(`${file}: checksum mismatch (file ${actual}, ${path.basename(sumFile)} ${expected})`);
  return actual;
}

function lineReader(file: string) {
  return readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()), crlfDelay: Infinity });
}

export async function readHeader(file: string): Promise<BackupHeader> {
  const h: Record<string, string> = {};
  let format = '';
  for await (const line of lineReader(file)) {
    if (!line.startsWith('-- ')) break;
    if (!format) { format = line.slice(3); continue; }
    const m = line.match(/^-- (\w+): (.*)$/);
    if (!m || m[1] === 'table') break;
    h[m[1]!] = m[2]!;
  }
  if (format !== FORMAT) throw new BackupError(`${file} is not an ${FORMAT} file (first line: ${JSON.stringify(format.slice(0, 40))})`);
  return { format, created: h.created ?? '', source: h.source ?? '', migrations: h.migrations ? h.migrations.split(',') : [], tables: Number(h.tables ?? 0) };
}

/**
 * The migrations to build the backup's schema with: the backup's list must be this release's first migrations, in
 * order (a backup from a newer release, or from a branch with other migrations, is refused).
 */
export function schemaFor(header: BackupHeader, files: MigrationFile[] = readMigrations()): { before: MigrationFile[]; after: MigrationFile[] } {
  const ids = files.map((f) => f.id);
  header.migrations.forEach((id, i) => {
    if (ids[i] !== id) throw new BackupError(`the backup was written under migration ${id}, which this release ${ids.includes(id) ? 'applies in another order' : 'does not have'}: restore it with the release that wrote it, then upgrade`);
  });
  return { before: files.slice(0, header.migrations.length), after: files.slice(header.migrations.length) };
}

export interface RestoreResult { header: BackupHeader; rows: number; upgraded: string[]; ms: number }

/**
 * Restore `file` into `db`, which must be empty (no tables): verify the checksum, build the schema the backup was
 * written under, load the rows in one transaction, then apply newer migrations. Needs a role that may set
 * session_replication_role (a superuser, or `GRANT SET ON PARAMETER session_replication_role`): the rows go in with
 * foreign-key triggers off, as pg_restore --disable-triggers does, so self-references load in any order.
 */
export async function restoreBackup(db: Db, file: string, opts: { upgrade?: boolean } = {}): Promise<RestoreResult> {
  const started = Date.now();
  await verifyChecksum(file);
  const header = await readHeader(file);
  const { before, after } = schemaFor(header);
  const client = await db.pool.connect();
  try {
    if (await q.userTableCount(client) > 0) throw new BackupError('the target database is not empty');
  } finally {
    client.release();
  }
  await migrate(db, before);
  const rows = await loadRows(db, file);
  // opts.upgrade false: stop at the backup's own schema (the upgrade test measures the newer migrations itself)
  const upgraded = after.length && opts.upgrade !== false ? await migrate(db, [...before, ...after]) : [];
  return { header, rows, upgraded, ms: Date.now() - started };
}

async function loadRows(db: Db, file: string): Promise<number> {
  const client: pg.PoolClient = await db.pool.connect();
  let rows = 0;
  try {
    await q.beginLoad(client);
    try {
      await q.emptyAllTables(client); // rows that migrations seed (built-in definitions) come back from the backup
      let ended = false;
      for await (const line of lineReader(file)) {
        if (line.startsWith('-- ')) {
          const m = line.match(/^-- table: (\S+) rows: (\d+)$/);
          if (m) rows += Number(m[2]);
          if (line === '-- end') ended = true;
          continue;
        }
        if (line) await client.query(line);
      }
      if (!ended) throw new BackupError(`${file} ends early (no end marker)`);
      await q.commit(client);
    } catch (err) {
      await q.rollback(client).catch(() => {});
      throw err;
    }
  } finally {
    client.release();
  }
  return rows;
}

/** Keep the newest `keep` backups (l2c-*.sql.gz) in `dir`, delete older ones with their checksum files. */
export function pruneBackups(dir: string, keep: number): string[] {
  if (!fs.existsSync(dir)) return [];
  const all = fs.readdirSync(dir).filter((f) => /^l2c-.*\.sql\.gz$/.test(f)).sort().reverse();
  const removed = all.slice(Math.max(keep, 1));
  for (const f of removed) {
    fs.rmSync(path.join(dir, f), { force: true });
    fs.rmSync(path.join(dir, `${f}.sha256`), { force: true });
  }
  return removed;
}
