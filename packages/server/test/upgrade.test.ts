// An upgrade cannot lose data: a database written by the previous release (commit e559d53, migrations 001–015, the
// demo tenant) is restored as that release left it, then this release's migrations run over it. Afterwards every
// row and every money total is still there, the write-off engine's invariants hold for every customer, and the
// demo users work with it through the API. The fixture is an `npm run backup` of that release's database
// (see docs/OPERATIONS.md, "Upgrades", for how it was made).
import crypto from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSystem, openDb, type Db } from '../src/platform/db.js';
import { appliedMigrations, migrate, readMigrations } from '../src/platform/migrate.js';
import { restoreBackup } from '../src/ops/backup.js';
import { invariantGaps } from '../src/flows/write-off/write-off.sql.js';
import { createApp } from '../src/app.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/demo/demo-data.js';
import { call } from './helpers.js';

const FIXTURE = path.join(import.meta.dirname, 'fixtures/release-e559d53-demo.sql.gz');
const MONEY_TABLES = ['receivables', 'payments', 'allocations', 'write_offs', 'account_entries', 'audit_log', 'customers', 'contracts', 'users'];

let db: Db;
let dropDatabase: (() => Promise<void>) | null = null;

async function totals(d: Db) {
  return asSystem(d, async (tx) => {
    const counts: Record<string, number> = {};
    for (const t of MONEY_TABLES) counts[t] = (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t)}`.execute(tx)).rows[0]!.n;
    const money = (await sql<Record<string, string>>`select
        (select coalesce(sum(amount), 0) from receivables)::text as receivables_amount,
        (select coalesce(sum(amount_open), 0) from receivables)::text as receivables_open,
        (select coalesce(sum(amount), 0) from allocations)::text as allocations,
        (select coalesce(sum(amount), 0) from payments)::text as payments_amount,
        (select coalesce(sum(amount_unapplied), 0) from payments)::text as payments_unapplied,
        (select coalesce(sum(amount), 0) from account_entries)::text as account_entries`.execute(tx)).rows[0]!;
    return { counts, money };
  });
}

beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    // an empty database of its own beside the suite's
    const name = `l2c_upgrade_${crypto.randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    db = await openDb({ databaseUrl: url.toString(), dataDir: 'unused', poolSize: 4 });
    dropDatabase = async () => {
      const a = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    };
  } else {
    db = await openDb({ databaseUrl: null, dataDir: 'memory://' });
  }
}, 60_000);

afterAll(async () => {
  await db?.close();
  await dropDatabase?.();
});

describe('upgrade from the previous release', () => {
  let before: Awaited<ReturnType<typeof totals>>;

  it('restores the previous release\'s database as it was (migrations 001–015)', async () => {
    const r = await restoreBackup(db, FIXTURE, { upgrade: false });
    expect(r.header.migrations.at(-1)).toBe('015_doc_sequences_no_fk');
    expect(await appliedMigrations(db)).toEqual(r.header.migrations);
    before = await totals(db);
    expect(before.counts.receivables).toBeGreaterThan(100);
    expect(Number(before.money.payments_amount)).toBeGreaterThan(0);
  });

  it('applies this release\'s migrations over it, each timed', async () => {
    const files = readMigrations();
    const done = new Set(await appliedMigrations(db));
    const timings: Record<string, number> = {};
    for (let i = 0; i < files.length; i++) {
      if (done.has(files[i]!.id)) continue;
      const t0 = Date.now();
      expect(await migrate(db, files.slice(0, i + 1))).toEqual([files[i]!.id]);
      timings[files[i]!.id] = Date.now() - t0;
    }
    console.log(`migrations over the previous release's demo data (${db.kind}), ms:`, timings);
    expect(Object.keys(timings)).toContain('016_tenant_keys');
    expect(await appliedMigrations(db)).toEqual(files.map((f) => f.id));
  });

  it('keeps every row and every money total', async () => {
    expect(await totals(db)).toEqual(before);
  });

  it('holds the write-off invariants for every customer', async () => {
    const gaps = await asSystem(db, async (tx) => {
      const customers = (await sql<{ id: string }>`select id from customers order by id`.execute(tx)).rows;
      const bad: Array<{ id: string; receivables: string; prepaid: string }> = [];
      for (const c of customers) {
        const g = await invariantGaps(tx, c.id);
        if (Number(g.receivables) !== 0 || Number(g.prepaid) !== 0) bad.push({ id: c.id, ...g });
      }
      return { customers: customers.length, bad };
    });
    expect(gaps.customers).toBe(before.counts.customers);
    expect(gaps.bad).toEqual([]);
  });

  it('serves the upgraded data to the demo users', async () => {
    const l2c = await createApp({ logLevel: 'warn', jobs: false, demo: false, webDist: null, adminEmail: null, adminPassword: null }, { db });
    try {
      await l2c.app.listen({ port: 0, host: '127.0.0.1' });
      const addr = l2c.app.server.address();
      const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
      const admin = DEMO_USERS.find((u) => u.key === 'admin')!;
      const login = await call(base, 'POST', '/api/v1/auth/login', { body: { email: admin.email, password: DEMO_PASSWORD, tenant: 'demo' } });
      expect(login.status).toBe(200);
      const list = await call(base, 'GET', '/api/v1/receivables?limit=5', { token: login.body.token });
      expect(list.status).toBe(200);
      expect(list.body.items.length).toBe(5);
    } finally {
      await l2c.app.close();
    }
  });
});
