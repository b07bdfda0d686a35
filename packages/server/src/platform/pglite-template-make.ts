// Making the install-time empty database (pglite-template.ts says what it is and how a first start uses it): run by
// `npm install` through db-template-cli.ts, and by the startup bench and the tests.
import fs from 'node:fs';
import path from 'node:path';
import { openDb } from './db.js';
import { migrate } from './migrate.js';
import { templateFolder, templatesRoot } from './pglite-template.js';

/**
 * Make the template for the current migrations unless it exists: initdb and migrate in a folder of its own, then
 * rename it into place (a half-made template is never seen). Older templates are removed.
 */
export async function makeTemplate(): Promise<{ folder: string; made: boolean }> {
  const folder = templateFolder();
  if (fs.existsSync(path.join(folder, 'PG_VERSION'))) return { folder, made: false };
  fs.mkdirSync(templatesRoot(), { recursive: true });
  const tmp = `${folder}.${process.pid}.tmp`;
  fs.rmSync(tmp, { recursive: true, force: true });
  const db = await openDb({ databaseUrl: null, dataDir: tmp, fromTemplate: false });
  try {
    await migrate(db);
  } finally {
    await db.close();
  }
  fs.rmSync(path.join(tmp, 'l2c.lock'), { force: true });
  try {
    fs.renameSync(tmp, folder);
  } catch (err) {
    fs.rmSync(tmp, { recursive: true, force: true });
    if (!fs.existsSync(path.join(folder, 'PG_VERSION'))) throw err; // else: another install made it meanwhile
    return { folder, made: false };
  }
  for (const entry of fs.readdirSync(templatesRoot())) {
    const p = path.join(templatesRoot(), entry);
    if (entry.startsWith('pglite-') && p !== folder && !entry.endsWith('.tmp')) fs.rmSync(p, { recursive: true, force: true });
  }
  return { folder, made: true };
}
