// The empty embedded database, made once at install time and copied into a new data folder.
//
// A new PGlite folder starts with initdb (PGlite's own, in WebAssembly: 3–4 s on 2 cores) and then every migration
// (1.3–3 s). Neither depends on anything but the PGlite version and the migration files, so `npm install` makes that
// database once (scripts/postinstall.mjs → db-template-cli.ts) into node_modules/.cache, under a key of exactly those
// inputs; a first start copies the folder (a few hundred ms) and finds every migration applied. Any other PGlite
// version or any changed, added or removed migration gives another key: no template, and the first start runs initdb
// and the migrations itself, as it always did (issue 13.6).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
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

/** A data folder PGlite would initialise (no PG_VERSION yet): the one a template may fill. */
export function needsInitdb(dataDir: string): boolean {
  return !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
}

/**
 * Fill a new data folder from the template when there is one for exactly these migrations. Returns whether it did.
 * Copies (a reflink where the file system offers one), never links: PGlite writes its files in place.
 */
export function fillFromTemplate(dataDir: string): boolean {
  if (dataDir.startsWith('memory://') || !needsInitdb(dataDir)) return false;
  const template = templateFolder();
  if (!fs.existsSync(path.join(template, 'PG_VERSION'))) return false;
  fs.cpSync(template, dataDir, { recursive: true, mode: fs.constants.COPYFILE_FICLONE });
  return true;
}
