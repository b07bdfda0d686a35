// `npm run db:schema`: migrate a fresh in-memory database and write platform/schema.ts from its catalogue.
import fs from 'node:fs';
import path from 'node:path';
import { openDb } from './platform/db.js';
import { migrate } from './platform/migrate.js';
import { generateSchema } from './platform/schema-gen.js';

const SCHEMA_FILE = path.resolve(import.meta.dirname, 'platform/schema.ts');

const db = await openDb({ databaseUrl: null, dataDir: 'memory://' });
try {
  await migrate(db);
  const text = await generateSchema(db.kysely);
  const before = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : '';
  fs.writeFileSync(SCHEMA_FILE, text);
  console.log(before === text ? `${path.relative(process.cwd(), SCHEMA_FILE)} is up to date` : `wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
} finally {
  await db.close();
}
