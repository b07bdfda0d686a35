// Making the install-time embedded databases (pglite-template.ts says what they are and how a first start uses them):
// run by `npm install` through db-template-cli.ts, and by the startup bench and the tests.
import fs from 'node:fs';
import path from 'node:path';
import { openDb, type Db } from './db.js';
import { migrate } from './migrate.js';
import { demoTemplateFolder, templateFolder, templateKey, templatesRoot } from './pglite-template.js';

/**
 * Make the template for the current migrations unless it exists: initdb and migrate in a folder of its own, then
 * rename it into place (a half-made template is never seen). Older templates are removed.
 */
export async function makeTemplate(): Promise<{ folder: string; made: boolean }> {
  const folder = templateFolder();
  const made = await makeFolder(folder, { fromTemplate: false, fill: async () => {}, stale: (entry) => entry.startsWith('pglite-') });
  return { folder, made };
}

/**
 * Make the demo's template of `day` unless it exists: a copy of the empty template with `loadDemo` run in it (the
 * demo tenant and its statistics, as a first start loads them). Demo templates of other days are removed.
 */
export async function makeDemoTemplate(day: string, loadDemo: (db: Db) => Promise<void>): Promise<{ folder: string; made: boolean }> {
  await makeTemplate();
  const folder = demoTemplateFolder(day, templateKey());
  const made = await makeFolder(folder, { fromTemplate: true, fill: loadDemo, stale: (entry) => /^pglite-.*-demo-/.test(entry) });
  return { folder, made };
}

/** Build a database in `folder`.<pid>.tmp (migrated, then filled), rename it to `folder`, remove the stale others. */
async function makeFolder(folder: string, how: { fromTemplate: boolean; fill: (db: Db) => Promise<void>; stale: (entry: string) => boolean }): Promise<boolean> {
  if (fs.existsSync(path.join(folder, 'PG_VERSION'))) return false;
  fs.mkdirSync(templatesRoot(), { recursive: true });
  const tmp = `${folder}.${process.pid}.tmp`;
  fs.rmSync(tmp, { recursive: true, force: true });
  const db = await openDb({ databaseUrl: null, dataDir: tmp, fromTemplate: how.fromTemplate });
  try {
    await migrate(db);
    await how.fill(db);
  } finally {
    await db.close();
  }
  fs.rmSync(path.join(tmp, 'l2c.lock'), { force: true });
  try {
    fs.renameSync(tmp, folder);
  } catch (err) {
    fs.rmSync(tmp, { recursive: true, force: true });
    if (!fs.existsSync(path.join(folder, 'PG_VERSION'))) throw err; // else: another install made it meanwhile
    return false;
  }
  for (const entry of fs.readdirSync(templatesRoot())) {
    const p = path.join(templatesRoot(), entry);
    if (how.stale(entry) && p !== folder && !entry.endsWith('.tmp')) fs.rmSync(p, { recursive: true, force: true });
  }
  return true;
}
