// `npm run restore -- FILE [--force]`: restore a backup of `npm run backup` into the configured database — the
// embedded data folder (L2C_DATA_DIR) or PostgreSQL (DATABASE_URL), either way round. The target must be empty;
// --force replaces it (embedded: the old folder is kept beside it, renamed; PostgreSQL: the public schema is dropped).
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../platform/config.js';
import { openDb } from '../platform/db.js';
import { isAlive } from '../platform/lockfile.js';
import { readHeader, restoreBackup, verifyChecksum } from './backup.js';
import { dropPublicSchema, userTableCount } from './backup.sql.js';

const args = process.argv.slice(2);
const force = args.includes('--force');
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  console.error('usage: npm run restore -- FILE [--force]');
  process.exit(2);
}
const config = loadConfig();

try {
  await verifyChecksum(file); // before anything is touched
  const header = await readHeader(file);
  console.log(`backup of ${header.created} from ${header.source}, ${header.tables} tables, migrations up to ${header.migrations.at(-1)}`);
  if (!config.databaseUrl) {
    const dir = config.dataDir;
    const lock = path.join(dir, 'l2c.lock');
    const owner = fs.existsSync(lock) ? Number(fs.readFileSync(lock, 'utf8')) : 0;
    if (owner && isAlive(owner)) throw new Error(`the data folder ${dir} is in use by a running server (pid ${owner}); stop it first`);
    if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
      if (!force) throw new Error(`the data folder ${dir} is not empty; stop the server and add --force to replace it (it is kept as ${dir}.replaced-<time>)`);
      const aside = `${dir}.replaced-${new Date().toISOString().replaceAll(':', '-')}`;
      fs.renameSync(dir, aside); // fails while a server has it open on Windows; on Linux the lock below catches a running one
      console.log(`the old data folder is now ${aside}`);
    }
  }
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 1 });
  try {
    const c = await db.pool.connect();
    try {
      if ((await userTableCount(c)) > 0) {
        if (!force) throw new Error('the database is not empty; add --force to drop its public schema and restore into it');
        await dropPublicSchema(c);
      }
    } finally {
      c.release();
    }
    const r = await restoreBackup(db, file);
    console.log(`restored ${r.rows} rows in ${r.ms} ms${r.upgraded.length ? `; then applied ${r.upgraded.join(', ')}` : ''}`);
  } finally {
    await db.close();
  }
} catch (err) {
  console.error(`restore failed: ${(err as Error).message}`);
  process.exit(1);
}
