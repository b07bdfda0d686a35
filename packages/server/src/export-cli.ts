// `npm run export-tenant -- SLUG OUT.zip`: an operator exports one tenant (platform/export.ts) to a file, e.g. to move
// it. Uses DATABASE_URL or the embedded data folder like the server (stop the server first on the embedded database:
// one process holds its folder). Progress on stderr; the manifest's totals at the end.
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { loadConfig } from './platform/config.js';
import { openDb } from './platform/db.js';
import { exportTenant } from './platform/export.js';
import { tenantIdBySlug } from './platform/export.sql.js';

const [slug, out] = process.argv.slice(2);
if (!slug || !out) {
  console.error('usage: npm run export-tenant -- TENANT_SLUG OUT.zip');
  process.exit(2);
}
const config = loadConfig();
const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const tenantId = await tenantIdBySlug(db.kysely, slug);
  if (!tenantId) {
    console.error(`no tenant with the slug ${slug}`);
    process.exitCode = 1;
  } else {
    let shown = 0;
    const { zip, done, rowsTotal } = await exportTenant(db, { tenantId, userId: null }, (p) => {
      if (Date.now() - shown > 1000 || p.rowsDone === p.rowsTotal) {
        shown = Date.now();
        process.stderr.write(`\r${p.rowsDone}/${p.rowsTotal} rows (${p.table})        `);
      }
    });
    console.error(`exporting ${slug}: ${rowsTotal} rows`);
    await Promise.all([pipeline(zip, fs.createWriteStream(out)), done]);
    const m = await done;
    console.error(`\n${out}: ${m.files.length} tables, ${m.totalRows} rows; checksums in manifest.json and SHA256SUMS`);
  }
} finally {
  await db.close();
}
