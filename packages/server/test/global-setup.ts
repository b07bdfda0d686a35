// With a PostgreSQL server (DATABASE_URL), migrate it once before the workers start.
import { openDb } from '../src/platform/db.js';
import { migrate } from '../src/platform/migrate.js';

export default async function setup() {
  if (!process.env.DATABASE_URL) return;
  const db = await openDb({ databaseUrl: process.env.DATABASE_URL, dataDir: '' });
  try {
    await migrate(db);
  } finally {
    await db.close();
  }
}
