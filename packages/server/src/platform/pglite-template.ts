// The empty embedded database, made once at install time and copied into a new data folder.
//
// A new PGlite folder starts with initdb (PGlite's own, in WebAssembly: 3–4 s on 2 cores) and then every migration
// (1.3–3 s). Neither depends on anything but the PGlite version and the migration files, so `npm install` makes that
// database once (scripts/postinstall.mjs → db-template-cli.ts) into node_modules/.cache, under a key of exactly those
// inputs; a first start copies the folder (0.8 s on 2 cores) and finds every migration applied. Any other PGlite
// version or any changed, added or removed migration gives another key: no template, and the first start runs initdb
// and the migrations itself, as it always did (issue 13.6).
//
// The demo tenant is made at install time too, into a second template: the same empty database with the demo loaded
// (14–16 s on 2 cores, most of a first start). The demo tells its story relative to the day it is loaded — invoices
// due last month, payments this week — so that template belongs to one day in the demo's calendar (Shanghai's) and a
// first start uses it only on that day; on a later day the start loads the demo itself, from the empty template.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { dateIn } from '@l2c/shared';
import { readMigrations } from './migrate.js';

/** Where templates live: node_modules/.cache/l2c (or L2C_TEMPLATE_DIR), removed with node_modules. */
export function templatesRoot(): string {
  return process.env.L2C_TEMPLATE_DIR || path.resolve(import.meta.dirname, '../../../../node_modules/.cache/l2c');
}

function pgliteVersion(): string {
  const require = createRequire(import.meta.url);
  const entry = require.resolve('@electric-sql/pglite');
  // the package's own package.json, above its dist/ folder
  for (let dir = path.dirname(entry); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      const { name, version } = JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string; version?: string };
      if (name === '@electric-sql/pglite') return version ?? 'unknown';
    }
  }
  return 'unknown';
}

/** The template's key: the PGlite version and every migration's name and checksum. */
export function templateKey(migrations = readMigrations()): string {
  const h = crypto.createHash('sha256').update(`pglite ${pgliteVersion()}\n`);
  for (const m of migrations) h.update(`${m.id} ${m.checksum}\n`);
  return h.digest('hex').slice(0, 16);
}

export function templateFolder(key = templateKey()): string {
  return path.join(templatesRoot(), `pglite-${key}`);
}

/** The day in the demo's calendar (its company is in Hangzhou): a demo made today is a demo of today. */
export function demoDay(now = new Date()): string {
  return dateIn(now, 'Asia/Shanghai');
}

/** The template with the demo tenant loaded on `day`. */
export function demoTemplateFolder(day: string, key = templateKey()): string {
  return path.join(templatesRoot(), `pglite-${key}-demo-${day}`);
}

/** A data folder PGlite would initialise (no PG_VERSION yet): the one a template may fill. */
export function needsInitdb(dataDir: string): boolean {
  return !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
}

/**
 * Fill a new data folder from a template for exactly these migrations: the demo's of `demoOn` when asked for and made,
 * else the empty one. Resolves to which it copied, or null (none there, or the folder holds a database already).
 * Copies (a reflink where the file system offers one), never links: PGlite writes its files in place. The 1,600 files
 * go a few at a time on libuv's threads (0.8 s where one by one took 1.1–1.3 s on 2 cores), and PG_VERSION last: a
 * folder is a database only once it holds PG_VERSION, so a start killed mid-copy leaves a folder the next start
 * fills again — first clearing what the killed copy left (only names the template has, nothing of anyone else's).
 */
export async function fillFromTemplate(dataDir: string, opts: { demoOn?: string | null } = {}): Promise<'demo' | 'empty' | null> {
  if (dataDir.startsWith('memory://') || !needsInitdb(dataDir)) return null;
  const key = templateKey();
  const demo = opts.demoOn ? demoTemplateFolder(opts.demoOn, key) : null;
  const made = (folder: string) => fs.existsSync(path.join(folder, 'PG_VERSION'));
  const [template, kind] = demo && made(demo) ? [demo, 'demo' as const] : [templateFolder(key), 'empty' as const];
  if (!made(template)) return null;
  const top = fs.readdirSync(template);
  for (const name of top) fs.rmSync(path.join(dataDir, name), { recursive: true, force: true });
  const files: string[] = [];
  const walk = (rel: string) => {
    fs.mkdirSync(path.join(dataDir, rel), { recursive: true });
    for (const e of fs.readdirSync(path.join(template, rel), { withFileTypes: true })) {
      const r = path.join(rel, e.name);
      if (e.isDirectory()) walk(r);
      else if (r !== 'PG_VERSION') files.push(r);
    }
  };
  walk('');
  let next = 0;
  const copyNext = async (): Promise<void> => {
    for (let i = next++; i < files.length; i = next++) {
      await fs.promises.copyFile(path.join(template, files[i]!), path.join(dataDir, files[i]!), fs.constants.COPYFILE_FICLONE);
    }
  };
  await Promise.all(Array.from({ length: COPIES_AT_ONCE }, copyNext));
  fs.copyFileSync(path.join(template, 'PG_VERSION'), path.join(dataDir, 'PG_VERSION'));
  return kind;
}

/** libuv's thread pool has 4 threads; more in flight only queue. */
const COPIES_AT_ONCE = 4;
