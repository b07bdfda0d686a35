// `npm run migrate`: apply pending migrations and exit.
import { loadConfig } from './platform/config.js';
import { openDb } from './platform/db.js';
import { migrate } from './platform/migrate.js';

const config = loadConfig();
const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const applied = await migrate(db);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
} finally {
  await db.close();
}
