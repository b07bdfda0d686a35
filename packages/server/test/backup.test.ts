// Backup and restore round trips of the demo tenant: PGlite → PGlite, and across kinds when PostgreSQL is at hand
// (DATABASE_URL, else the server binaries that scripts/pg.mjs starts). Table by table the restored database must
// hold the same rows, the same money totals and the same audit trail — and a damaged or foreign file is refused.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../src/platform/db.js';
import { migrate } from '../src/platform/migrate.js';
import { loadDemo } from '../src/demo/demo-data.js';
import { pruneBackups, restoreBackup, verifyChecksum, writeBackup, BackupError } from '../src/ops/backup.js';
import { backupJob, backupSchedule, listenForBackupRequests, REQUEST_FILE } from '../src/ops/backup-job.js';
import { runJobOnce } from '../src/platform/jobs.js';
import { asSystem } from '../src/platform/db.js';
import { invariantGaps } from '../src/flows/write-off/write-off.sql.js';
import { APPROVAL_HANDLERS, createApp } from '../src/app.js';
import { registerApprovalHandlers } from '../src/domains/approvals/index.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/demo/demo-data.js';
import { call } from './helpers.js';
// @ts-expect-error plain ESM script without types
import { postgresAvailable, startPostgres } from '../../../scripts/pg.mjs';
import { scratchDatabase } from './scratch-database.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'l2c-backup-'));

/** What a person would compare: per table the row count and a hash of all its rows; the money totals; the audit trail. */
export async function fingerprint(db: Db) {
  const c = await db.pool.connect();
  try {
    await c.query('begin');
    await c.query("set local timezone = 'UTC'; set local datestyle = 'ISO, YMD'; set local extra_float_digits = 3");
    const tables = (await c.query<{ t: string }>(`select tablename as t from pg_tables where schemaname = 'public' and tablename <> 'schema_migrations' order by 1`)).rows.map((r) => r.t);
    const perTable: Record<string, { rows: number; md5: string }> = {};
    for (const t of tables) {
      const r = (await c.query<{ n: number; h: string }>(`select count(*)::int as n, coalesce(md5(string_agg(x::text, E'\\n' order by x::text)), '') as h from "${t}" x`)).rows[0]!;
      perTable[t] = { rows: r.n, md5: r.h };
    }
    const money = (await c.query<Record<string, string>>(`select
        (select coalesce(sum(amount), 0) from receivables)::text as receivables_amount,
        (select coalesce(sum(amount_open), 0) from receivables)::text as receivables_open,
        (select coalesce(sum(bad_debt_amount), 0) from receivables)::text as receivables_bad_debt,
        (select coalesce(sum(amount), 0) from allocations)::text as allocations,
        (select coalesce(sum(amount), 0) from payments)::text as payments_amount,
        (select coalesce(sum(amount - amount_unapplied), 0) from payments)::text as payments_applied,
        (select coalesce(sum(amount_unapplied), 0) from payments)::text as payments_unapplied,
        (select coalesce(sum(amount), 0) from account_entries)::text as account_entries`)).rows[0]!;
    const balances = (await c.query<{ account: string; balance: string }>(`select account, sum(amount)::text as balance from account_entries group by account order by account`)).rows;
    const audit = (await c.query<{ n: number; h: string }>(`select count(*)::int as n, md5(string_agg(x::text, E'\\n' order by x.id)) as h from audit_log x`)).rows[0]!;
    await c.query('rollback');
    return { perTable, money, balances, audit };
  } finally {
    c.release();
  }
}

/** An empty PostgreSQL database next to the one DATABASE_URL names (the suite's own database is not empty). */
const freshPostgres = (baseUrl: string) => scratchDatabase(baseUrl, 'l2c_restore');

let pgUrl: string | null = process.env.DATABASE_URL ?? null;
let pgServer: { stop(): Promise<void> } | null = null;
const cleanups: Array<() => Promise<void>> = [];
let source: Db;
let sourcePrint: Awaited<ReturnType<typeof fingerprint>>;
let backupFile: string;

beforeAll(async () => {
  if (!pgUrl && postgresAvailable()) {
    pgServer = await startPostgres();
    pgUrl = (pgServer as unknown as { url: string }).url;
  }
  source = await openDb({ databaseUrl: null, dataDir: 'memory://' });
  cleanups.push(() => source.close());
  await migrate(source);
  // as the start-up does before the demo: the demo decides approvals (invoice requests among them), and a file that
  // runs first in its worker has no app that registered the handlers yet
  registerApprovalHandlers(APPROVAL_HANDLERS);
  const t0 = Date.now();
  await loadDemo(source);
  console.log(`demo loaded in ${Date.now() - t0} ms`);
  sourcePrint = await fingerprint(source);
  backupFile = path.join(dir, 'demo.sql.gz');
}, 120_000);

afterAll(async () => {
  for (const f of cleanups.reverse()) await f().catch(() => {});
  await pgServer?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('backs up the demo tenant to a checksummed file', async () => {
    const r = await writeBackup(source, backupFile);
    console.log(`backup: ${r.tables} tables, ${r.rows} rows, ${r.bytes} bytes in ${r.ms} ms`);
    expect(r.rows).toBe(Object.values(sourcePrint.perTable).reduce((s, t) => s + t.rows, 0));
    expect(fs.readFileSync(`${backupFile}.sha256`, 'utf8')).toBe(`${r.sha256}  demo.sql.gz\n`);
    expect(sourcePrint.perTable.receivables!.rows).toBeGreaterThan(100);
    expect(sourcePrint.audit.n).toBeGreaterThan(0);
    expect(Number(sourcePrint.money.payments_amount)).toBeGreaterThan(0);
  });

  it('restores PGlite → PGlite with identical tables, money totals and audit trail', async () => {
    const target = await openDb({ databaseUrl: null, dataDir: 'memory://' });
    cleanups.push(() => target.close());
    const r = await restoreBackup(target, backupFile);
    console.log(`restore into PGlite: ${r.rows} rows in ${r.ms} ms`);
    const print = await fingerprint(target);
    expect(print.money).toEqual(sourcePrint.money);
    expect(print.balances).toEqual(sourcePrint.balances);
    expect(print.audit).toEqual(sourcePrint.audit);
    expect(print.perTable).toEqual(sourcePrint.perTable);
  });

  it.runIf(postgresAvailable() || process.env.DATABASE_URL)('restores PGlite → PostgreSQL, and that database backs up and restores back into PGlite, identical', async () => {
    const fresh = await freshPostgres(pgUrl!);
    cleanups.push(() => fresh.drop());
    const target = await openDb({ databaseUrl: fresh.url, dataDir: 'unused', poolSize: 2 });
    cleanups.push(() => target.close());
    const r = await restoreBackup(target, backupFile);
    console.log(`restore into PostgreSQL: ${r.rows} rows in ${r.ms} ms`);
    const print = await fingerprint(target);
    expect(print.money).toEqual(sourcePrint.money);
    expect(print.audit).toEqual(sourcePrint.audit);
    expect(print.perTable).toEqual(sourcePrint.perTable);
    // the new ids keep coming from where the old database stopped
    const seq = await target.pool.query<{ n: number }>(`select count(*)::int as n from pg_sequences where schemaname = 'public' and last_value is null`);
    expect(seq.rows[0]!.n).toBeLessThanOrEqual((await source.pool.query<{ n: number }>(`select count(*)::int as n from pg_sequences where schemaname = 'public' and last_value is null`)).rows[0]!.n);

    const back = path.join(dir, 'from-postgres.sql.gz');
    await writeBackup(target, back);
    const again = await openDb({ databaseUrl: null, dataDir: 'memory://' });
    cleanups.push(() => again.close());
    await restoreBackup(again, back);
    expect((await fingerprint(again)).perTable).toEqual(sourcePrint.perTable);
  });

  it.runIf(postgresAvailable() || process.env.DATABASE_URL)('a backup taken on PostgreSQL while payments are written off restores consistent: every customer\'s invariants hold', async () => {
    const live = await freshPostgres(pgUrl!);
    cleanups.push(() => live.drop());
    const db = await openDb({ databaseUrl: live.url, dataDir: 'unused', poolSize: 8 });
    cleanups.push(() => db.close());
    await restoreBackup(db, backupFile);
    const l2c = await createApp({ logLevel: 'warn', jobs: false, demo: false, webDist: null, adminEmail: null, adminPassword: null }, { db });
    cleanups.push(() => l2c.app.close());
    await l2c.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = l2c.app.server.address();
    const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    const finance = DEMO_USERS.find((u) => u.key === 'finance')!;
    const token = (await call(base, 'POST', '/api/v1/auth/login', { body: { email: finance.email, password: DEMO_PASSWORD, tenant: 'demo' } })).body.token as string;
    const customers = (await db.pool.query<{ id: string }>(`select customer_id as id from receivables where amount_open > 0 group by customer_id order by customer_id limit 6`)).rows.map((r) => r.id);
    const count = async (d: Db) => (await d.pool.query<{ n: number }>('select count(*)::int as n from payments')).rows[0]!.n;
    const before = await count(db);
    const statuses: number[] = [];
    let stop = false;
    const receivedOn = new Date().toISOString().slice(0, 10);
    const writers = customers.map(async (customerId) => {
      while (!stop) statuses.push((await call(base, 'POST', '/api/v1/payments', { token, body: { customerId, amount: '37.50', receivedOn, confirm: true } })).status);
    });
    while (statuses.length < 10) await new Promise((r) => setTimeout(r, 20));
    const file = path.join(dir, 'under-load.sql.gz');
    await writeBackup(db, file);
    const atBackup = statuses.length;
    while (statuses.length < atBackup + 10) await new Promise((r) => setTimeout(r, 20));
    stop = true;
    await Promise.all(writers);
    expect(statuses.filter((x) => x >= 500)).toEqual([]);
    expect(statuses.filter((x) => x === 201).length).toBeGreaterThan(20);

    const copy = await freshPostgres(pgUrl!);
    cleanups.push(() => copy.drop());
    const restored = await openDb({ databaseUrl: copy.url, dataDir: 'unused', poolSize: 2 });
    cleanups.push(() => restored.close());
    await restoreBackup(restored, file);
    const inBackup = await count(restored);
    console.log(`under load: ${before} payments before, ${inBackup} in the backup, ${await count(db)} after (${statuses.length} requests)`);
    expect(inBackup).toBeGreaterThan(before);
    expect(inBackup).toBeLessThan(await count(db));
    const gaps = await asSystem(restored, async (tx) => {
      const ids = (await sql<{ id: string }>`select id from customers`.execute(tx)).rows;
      const bad: string[] = [];
      for (const c of ids) {
        const g = await invariantGaps(tx, c.id);
        if (Number(g.receivables) !== 0 || Number(g.prepaid) !== 0) bad.push(`${c.id}: ${g.receivables} / ${g.prepaid}`);
      }
      return bad;
    });
    expect(gaps).toEqual([]);
  });

  it('refuses a damaged file, a non-empty database and a backup from a newer release', async () => {
    const damaged = path.join(dir, 'damaged.sql.gz');
    const bytes = fs.readFileSync(backupFile);
    const mid = bytes.length >> 1;
    bytes.writeUInt8(bytes.readUInt8(mid) ^ 0xff, mid);
    fs.writeFileSync(damaged, bytes);
    fs.copyFileSync(`${backupFile}.sha256`, `${damaged}.sha256`);
    const empty = await openDb({ databaseUrl: null, dataDir: 'memory://' });
    cleanups.push(() => empty.close());
    await expect(restoreBackup(empty, damaged)).rejects.toThrow(/checksum mismatch/);
    await expect(restoreBackup(source, backupFile)).rejects.toThrow(/not empty/);

    const newer = path.join(dir, 'newer.sql.gz');
    const text = zlib.gunzipSync(fs.readFileSync(backupFile)).toString('utf8').replace(/^(-- migrations: .*)$/m, '$1,999_from_the_future');
    fs.writeFileSync(newer, zlib.gzipSync(text));
    fs.writeFileSync(`${newer}.sha256`, `${crypto.createHash('sha256').update(fs.readFileSync(newer)).digest('hex')}  newer.sql.gz\n`);
    await expect(restoreBackup(empty, newer)).rejects.toThrow(/999_from_the_future, which this release does not have/);
    await expect(restoreBackup(empty, newer)).rejects.toThrow(BackupError);
  });

  it('keeps the newest N backups', () => {
    const keepDir = path.join(dir, 'keep');
    fs.mkdirSync(keepDir);
    for (const d of ['01', '02', '03', '04']) {
      fs.writeFileSync(path.join(keepDir, `l2c-2026-12-${d}T00-00-00Z.sql.gz`), 'x');
      fs.writeFileSync(path.join(keepDir, `l2c-2026-12-${d}T00-00-00Z.sql.gz.sha256`), 'x');
    }
    expect(pruneBackups(keepDir, 2)).toEqual(['l2c-2026-12-02T00-00-00Z.sql.gz', 'l2c-2026-12-01T00-00-00Z.sql.gz']);
    expect(fs.readdirSync(keepDir).sort()).toEqual(['l2c-2026-12-03T00-00-00Z.sql.gz', 'l2c-2026-12-03T00-00-00Z.sql.gz.sha256', 'l2c-2026-12-04T00-00-00Z.sql.gz', 'l2c-2026-12-04T00-00-00Z.sql.gz.sha256']);
  });

  it('a running server writes a backup when `npm run backup` asks (request file + SIGUSR2)', async () => {
    const dataDir = path.join(dir, 'asked');
    fs.mkdirSync(dataDir);
    const logged: string[] = [];
    const log = { info: (_o: object, m: string) => logged.push(m), error: (_o: object, m: string) => logged.push(m) } as never;
    const stop = listenForBackupRequests(source, dataDir, log);
    try {
      const target = path.join(dir, 'asked.sql.gz');
      fs.writeFileSync(path.join(dataDir, REQUEST_FILE), target);
      process.kill(process.pid, 'SIGUSR2');
      for (let i = 0; i < 100 && !fs.existsSync(`${target}.sha256`); i++) await new Promise((r) => setTimeout(r, 100));
      expect(logged).toEqual(['backup written on request']);
      expect(fs.existsSync(path.join(dataDir, REQUEST_FILE))).toBe(false);
      await verifyChecksum(target);
      // the same rows as the backup taken directly (only the `created` line differs)
      const body = (f: string) => zlib.gunzipSync(fs.readFileSync(f)).toString('utf8').replace(/^-- created: .*$/m, '');
      expect(body(target)).toBe(body(backupFile));
    } finally {
      stop();
    }
  });

  it('scheduled backups: once per period across processes, the newest N kept; bad settings refused', async () => {
    expect(backupSchedule({})).toBeNull();
    expect(() => backupSchedule({ L2C_BACKUP_EVERY: 'daily' })).toThrow(/L2C_BACKUP_EVERY/);
    expect(() => backupSchedule({ L2C_BACKUP_EVERY: '1d', L2C_BACKUP_KEEP: '0' })).toThrow(/L2C_BACKUP_KEEP/);
    const schedDir = path.join(dir, 'scheduled');
    const s = backupSchedule({ L2C_BACKUP_EVERY: '6h', L2C_BACKUP_DIR: schedDir, L2C_BACKUP_KEEP: '2' })!;
    expect(s.everyMs).toBe(6 * 3_600_000);
    const job = backupJob(s);
    const at = (iso: string) => new Date(iso);
    expect(await runJobOnce(source, job, at('2031-01-01T01:00:00Z'))).toBe('ran');
    expect(await runJobOnce(source, job, at('2031-01-01T05:59:00Z'))).toBe('skipped'); // same 6-hour period
    expect(await runJobOnce(source, job, at('2031-01-01T06:00:00Z'))).toBe('ran');
    expect(await runJobOnce(source, job, at('2031-01-01T12:30:00Z'))).toBe('ran');
    expect(fs.readdirSync(schedDir).sort()).toEqual([
      'l2c-2031-01-01T06-00-00Z.sql.gz', 'l2c-2031-01-01T06-00-00Z.sql.gz.sha256',
      'l2c-2031-01-01T12-30-00Z.sql.gz', 'l2c-2031-01-01T12-30-00Z.sql.gz.sha256',
    ]);
  });
});
