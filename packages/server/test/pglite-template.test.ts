// The install-time empty database (platform/pglite-template.ts): made once per PGlite version and migration set,
// copied into a new data folder, and never used for a folder that has a database or for other migrations. The demo's
// template (the same with the demo tenant loaded) belongs to one day, and only a start wanting the demo on that day
// copies it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDb } from '../src/platform/db.js';
import { migrate, readMigrations } from '../src/platform/migrate.js';
import { demoDay, demoTemplateFolder, fillFromTemplate, templateFolder, templateKey } from '../src/platform/pglite-template.js';
import { makeDemoTemplate, makeTemplate } from '../src/platform/pglite-template-make.js';
import { createApp } from '../src/app.js';
import { listTenants } from '../src/domains/workspace/index.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'l2c-template-test-'));
const before = process.env.L2C_TEMPLATE_DIR;

beforeAll(() => {
  process.env.L2C_TEMPLATE_DIR = path.join(dir, 'templates');
});
afterAll(() => {
  if (before === undefined) delete process.env.L2C_TEMPLATE_DIR;
  else process.env.L2C_TEMPLATE_DIR = before;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!!process.env.DATABASE_URL)('the install-time empty database (embedded)', () => {
  it('is made once, and a new folder filled from it has every migration applied', { timeout: 120_000 }, async () => {
    const first = await makeTemplate();
    expect(first.made).toBe(true);
    expect(first.folder).toBe(templateFolder());
    expect(fs.existsSync(path.join(first.folder, 'PG_VERSION'))).toBe(true);
    expect(fs.existsSync(path.join(first.folder, 'l2c.lock'))).toBe(false); // the maker's lock stays behind in no copy
    expect((await makeTemplate()).made).toBe(false);

    const data = path.join(dir, 'data');
    const db = await openDb({ databaseUrl: null, dataDir: data });
    try {
      expect(fs.existsSync(path.join(data, 'PG_VERSION'))).toBe(true);
      expect(await migrate(db)).toEqual([]); // nothing left to apply: the copy is the migrated database
      const applied = (await sql<{ n: number }>`select count(*)::int as n from schema_migrations`.execute(db.kysely)).rows[0]!.n;
      expect(applied).toBe(readMigrations().length);
      // a working database of its own: a write here is not in the template
      await sql`create table template_test_probe (x int)`.execute(db.kysely);
    } finally {
      await db.close();
    }
    const again = await openDb({ databaseUrl: null, dataDir: path.join(dir, 'data2') });
    try {
      const probe = (await sql<{ t: string | null }>`select to_regclass('template_test_probe')::text as t`.execute(again.kysely)).rows[0]!.t;
      expect(probe).toBeNull();
    } finally {
      await again.close();
    }
  });

  it('leaves a folder that holds a database alone', async () => {
    const data = path.join(dir, 'data'); // made by the test above
    const version = fs.statSync(path.join(data, 'PG_VERSION')).mtimeMs;
    expect(await fillFromTemplate(data)).toBeNull();
    expect(await fillFromTemplate(data, { demoOn: demoDay() })).toBeNull();
    expect(fs.statSync(path.join(data, 'PG_VERSION')).mtimeMs).toBe(version);
    expect(await fillFromTemplate('memory://')).toBeNull();
  });

  it('fills again a folder whose copy was cut short (no PG_VERSION yet), keeping files that are not the template\'s', { timeout: 60_000 }, async () => {
    const data = path.join(dir, 'cut-short');
    fs.mkdirSync(path.join(data, 'base'), { recursive: true });
    fs.writeFileSync(path.join(data, 'base', 'left-by-the-killed-copy'), 'x');
    fs.writeFileSync(path.join(data, 'notes.txt'), 'mine');
    expect(await fillFromTemplate(data)).toBe('empty');
    expect(fs.existsSync(path.join(data, 'base', 'left-by-the-killed-copy'))).toBe(false);
    expect(fs.readFileSync(path.join(data, 'notes.txt'), 'utf8')).toBe('mine');
    const db = await openDb({ databaseUrl: null, dataDir: data });
    try {
      expect(await migrate(db)).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('belongs to one set of migrations: a changed, added or removed file gives another key, and no template', () => {
    const files = readMigrations();
    const key = templateKey(files);
    expect(templateKey(files.slice(0, -1))).not.toBe(key);
    expect(templateKey([...files, { id: '999_next', sql: 'select 1', checksum: 'x' }])).not.toBe(key);
    expect(templateKey(files.map((f, i) => (i === 3 ? { ...f, checksum: `${f.checksum}0` } : f)))).not.toBe(key);
    expect(templateKey(files)).toBe(key);
    expect(fs.existsSync(path.join(templateFolder(templateKey(files.slice(0, -1))), 'PG_VERSION'))).toBe(false);
  });

  it('the demo\'s template is of one day: a start wanting the demo that day copies it, any other day or without the demo copies the empty one', { timeout: 120_000 }, async () => {
    // a stand-in for the demo load (the real one takes 15 s, demo.test.ts tells its story): a tenant named as the demo's
    const fill = (name: string) => async (db: Awaited<ReturnType<typeof openDb>>) => {
      await sql`insert into tenants (slug, name) values ('demo', ${name})`.execute(db.kysely);
    };
    const yesterday = '2026-12-06';
    expect((await makeDemoTemplate(yesterday, fill('yesterday'))).made).toBe(true);
    const today = demoDay();
    const made = await makeDemoTemplate(today, fill('today'));
    expect(made).toEqual({ folder: demoTemplateFolder(today), made: true });
    expect(fs.existsSync(demoTemplateFolder(yesterday))).toBe(false); // another day's demo is stale: removed
    expect(fs.existsSync(path.join(templateFolder(), 'PG_VERSION'))).toBe(true); // the empty one stays
    expect((await makeDemoTemplate(today, fill('again'))).made).toBe(false);

    const tenantsIn = async (data: string, demoOn: string | null) => {
      const db = await openDb({ databaseUrl: null, dataDir: path.join(dir, data), demoOn });
      try {
        return { copiedFrom: db.copiedFrom, names: (await sql<{ name: string }>`select name from tenants`.execute(db.kysely)).rows.map((r) => r.name) };
      } finally {
        await db.close();
      }
    };
    expect(await tenantsIn('demo-today', today)).toEqual({ copiedFrom: 'demo', names: ['today'] });
    expect(await tenantsIn('demo-tomorrow', '2099-01-01')).toEqual({ copiedFrom: 'empty', names: [] });
    expect(await tenantsIn('no-demo', null)).toEqual({ copiedFrom: 'empty', names: [] });

    // the start: a new folder wanting the demo today gets the copy, and the bootstrap loads no demo over it
    const l2c = await createApp({ dataDir: path.join(dir, 'started'), databaseUrl: null, demo: true, jobs: false, logLevel: 'warn', webDist: null, adminEmail: null, adminPassword: null });
    try {
      expect(l2c.db.copiedFrom).toBe('demo');
      expect((await listTenants(l2c.db)).map((t) => t.name)).toEqual(['today']);
      const customers = (await sql<{ n: number }>`select count(*)::int as n from customers`.execute(l2c.db.kysely)).rows[0]!.n;
      expect(customers).toBe(0); // the template's content, not a demo loaded again on top
    } finally {
      await l2c.close();
    }
  });
});
